package org.amp4j.it;

import static org.amp4j.it.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amp4j.cli.demo.BuildPlan;
import org.amp4j.cli.demo.LineLedger;
import org.amp4j.cli.demo.StepLines;
import org.amp4j.it.CliRun.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code amp4j demo}: the master/worker build whose one worker's connection is cut mid-step. The
 * summary's numbers are the master's own accounting ({@link LineLedger}), read back from the
 * output; the ledger itself is shown to count what it should, so that a zero means something. With
 * {@code --buildbot}, the same steps run on real {@code buildbot-worker} processes (Debian's
 * package, installed by {@code .ci/run}).
 */
class DemoTest {

  /** The numbers of a printed summary. */
  record Summary(
      int stepsOk,
      int steps,
      long expected,
      long received,
      long lost,
      long duplicated,
      long reconnects) {

    static Summary parse(String out) {
      Matcher steps = find(out, "\n  steps +(\\d+) of (\\d+) ok");
      Matcher lines = find(out, "\n  lines +(\\d+) expected, (\\d+) received");
      return new Summary(
          Integer.parseInt(steps.group(1)),
          Integer.parseInt(steps.group(2)),
          Long.parseLong(lines.group(1)),
          Long.parseLong(lines.group(2)),
          Long.parseLong(find(out, "\n  lost +(\\d+)").group(1)),
          Long.parseLong(find(out, "\n  duplicated +(\\d+)").group(1)),
          Long.parseLong(find(out, "\n  reconnects +(\\d+)").group(1)));
    }

    private static Matcher find(String out, String regex) {
      Matcher m = Pattern.compile(regex).matcher(out);
      assertThat(m.find()).as("'%s' in:%n%s", regex, out).isTrue();
      return m;
    }
  }

  @Test
  void demo_buildsEveryStep_throughACut_withNoLineLostOrDuplicated() {
    Run r = run("demo");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("worker-1: registered", "worker-2: registered", "worker-3: registered")
        .containsPattern("worker-2: connection cut after line \\d+ of \\d+ of [a-z-]+:compile")
        .containsPattern("worker-2: session resumed after \\d+ ms, replayed \\d+ messages?")
        .doesNotContain("arrived twice")
        .doesNotContain("\033[") // not a terminal: plain lines
        .endsWith("build OK" + System.lineSeparator());
    Summary s = Summary.parse(r.out());
    BuildPlan plan = BuildPlan.standard(BuildPlan.size(), 1);
    assertThat(s.steps()).isEqualTo(plan.steps().size());
    assertThat(s.stepsOk()).isEqualTo(s.steps());
    assertThat(s.expected()).isEqualTo(plan.totalLines());
    assertThat(s.received()).isEqualTo(s.expected());
    assertThat(s.lost()).isZero();
    assertThat(s.duplicated()).isZero();
    assertThat(s.reconnects()).isGreaterThanOrEqualTo(1);
    // plain mode prints events, not every log line
    assertThat(r.out()).doesNotContain(" | ");
  }

  @Test
  void demo_withOneWorker_andMsgpack_cutsAndResumesThatWorker() {
    Run r = run("demo", "--workers", "1", "--codec", "msgpack", "--steps", "4", "--seed", "7");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("worker-1: registered, codec msgpack")
        .doesNotContain("worker-2")
        .contains("worker-1: connection cut after line")
        .contains("worker-1: session resumed after");
    Summary s = Summary.parse(r.out());
    assertThat(s.stepsOk()).isEqualTo(4);
    assertThat(s.expected()).isEqualTo(BuildPlan.standard(4, 7).totalLines());
    assertThat(s.received()).isEqualTo(s.expected());
    assertThat(s.lost()).isZero();
    assertThat(s.duplicated()).isZero();
  }

  @Test
  void demo_verbose_printsEveryLogLineOnce_prefixedByItsWorker() {
    Run r = run("demo", "--verbose", "--workers", "2", "--steps", "3", "--codec", "cbor");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    Matcher m = Pattern.compile("worker-[12] \\| ").matcher(r.out());
    int printed = 0;
    while (m.find()) {
      printed++;
    }
    assertThat(printed).isEqualTo(BuildPlan.standard(3, 1).totalLines());
    assertThat(r.out()).contains("worker-1 | $ javac", "worker-2: connection cut");
  }

  @Test
  void demo_liveProgress_redrawsWithAnsiEscapes_andStillSummarizes() {
    Run r = run("demo", "--progress", "live", "--steps", "4");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("\033[2K", "build     [", "worker-2: connection cut")
        .endsWith("build OK" + System.lineSeparator());
    assertThat(Summary.parse(r.out()).lost()).isZero();
  }

  @Test
  void demo_refusesToRunWithoutSessions_andBadOptions() {
    Run noSession = run("demo", "--no-session");
    assertThat(noSession.exit()).isEqualTo(64);
    assertThat(noSession.err()).contains("cannot run with --no-session");
    assertThat(noSession.out()).isEmpty();
    assertThat(run("demo", "--workers", "0").err()).contains("--workers must be within 1..16");
    assertThat(run("demo", "--steps", "99").err()).contains("--steps must be within 1..18");
    Run progress = run("demo", "--progress", "fancy");
    assertThat(progress.exit()).isEqualTo(64);
    assertThat(progress.err()).contains("--progress must be auto, live or plain");
  }

  @Test
  void buildbotDemo_runsTheStepsOnARealWorker() {
    Run r = run("demo", "--buildbot", "--steps", "4", "--workers", "2", "--verbose");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("amp4j demo --buildbot: 4 steps", "no connection is cut")
        .containsPattern("worker-1: registered, buildbot-worker 3\\.7\\.\\d")
        .containsPattern("worker-2: registered, buildbot-worker 3\\.7\\.\\d")
        .contains("worker-2: start ")
        .contains("worker-1 | $ javac --release 17 -d protocol-api/classes")
        .doesNotContain("arrived twice", "without a number", "stderr", "connection cut")
        .endsWith("build OK" + System.lineSeparator());
    Summary s = Summary.parse(r.out());
    BuildPlan plan = BuildPlan.standard(4, 1);
    assertThat(s.steps()).isEqualTo(4);
    assertThat(s.stepsOk()).isEqualTo(4);
    assertThat(s.expected()).isEqualTo(plan.totalLines());
    assertThat(s.received()).isEqualTo(s.expected());
    assertThat(s.lost()).isZero();
    assertThat(s.duplicated()).isZero();
    assertThat(s.reconnects()).isZero();
    Matcher printed = Pattern.compile("worker-[12] \\| ").matcher(r.out());
    int lines = 0;
    while (printed.find()) {
      lines++;
    }
    assertThat(lines).isEqualTo(plan.totalLines());
  }

  @Test
  void buildbotDemo_refusesOptionsThatDoNotApply() {
    Run tooMany = run("demo", "--buildbot", "--workers", "4");
    assertThat(tooMany.exit()).isEqualTo(64);
    assertThat(tooMany.err()).contains("--workers must be within 1..3 with --buildbot");
    Run codec = run("demo", "--buildbot", "--codec", "json");
    assertThat(codec.exit()).isEqualTo(64);
    assertThat(codec.err()).contains("do not apply with --buildbot");
    assertThat(codec.out()).isEmpty();
  }

  @Test
  void stepLines_readTheirNumberBack_andNothingElseCounts() {
    String written = StepLines.format(12, "tests run: 10, failures: 0");
    assertThat(written).isEqualTo("12: tests run: 10, failures: 0");
    assertThat(StepLines.parse(written))
        .contains(new StepLines.Line(12, "tests run: 10, failures: 0"));
    assertThat(StepLines.parse("7: $ jar --create\r"))
        .contains(new StepLines.Line(7, "$ jar --create"));
    assertThat(StepLines.parse("3: ")).contains(new StepLines.Line(3, ""));
    for (String unnumbered :
        new String[] {"", "hello", ": x", "12 x", "12:x", "-1: x", " 1: x", "1234567890: x"}) {
      assertThat(StepLines.parse(unnumbered)).as("'%s'", unnumbered).isEqualTo(Optional.empty());
    }
  }

  @Test
  void ledger_countsADuplicateAGapAndALateLine() {
    LineLedger ledger = new LineLedger();
    ledger.expect("a:compile", 5);
    for (int line : new int[] {1, 2, 2, 4, 5}) {
      ledger.record("a:compile", line);
    }
    ledger.expect("b:test", 3);
    for (int line : new int[] {1, 3, 2}) {
      ledger.record("b:test", line);
    }
    LineLedger.Totals t = ledger.totals();
    assertThat(t.expected()).isEqualTo(8);
    assertThat(t.received()).isEqualTo(7); // line 3 of a:compile never came
    assertThat(t.lost()).isEqualTo(1);
    assertThat(t.duplicated()).isEqualTo(1); // line 2 of a:compile came twice
    assertThat(t.outOfOrder()).isEqualTo(1); // line 2 of b:test came after line 3
    assertThat(t.unexpected()).isZero();
    assertThat(ledger.received("a:compile")).isEqualTo(4);
  }

  @Test
  void ledger_countsLinesOutsideTheirStep_andTakesTheReportedCountAtTheEnd() {
    LineLedger ledger = new LineLedger();
    ledger.expect("a:compile", 2);
    assertThat(ledger.record("a:compile", 1)).isTrue();
    assertThat(ledger.record("a:compile", 1)).isFalse();
    ledger.record("a:compile", 3); // beyond the 2 expected
    ledger.record("nope:test", 1); // a step never started
    ledger.record("a:compile", 0);
    assertThat(ledger.totals().unexpected()).isEqualTo(3);
    assertThat(ledger.totals().lost()).isEqualTo(1);
    ledger.finish("a:compile", 3); // the step says it wrote 3
    LineLedger.Totals t = ledger.totals();
    assertThat(t.expected()).isEqualTo(3);
    assertThat(t.lost()).isEqualTo(1); // line 2
    assertThat(t.unexpected()).isEqualTo(2); // the unknown step's line and line 0
  }
}
