package org.amp4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code amp4j} command line. */
@Command(
    name = "amp4j",
    mixinStandardHelpOptions = true,
    version = "amp4j 0.1.0",
    description = "Typed AMP commands between processes, byte-compatible with Twisted AMP.",
    subcommands = {
      ServeCommand.class,
      CallCommand.class,
      LoadCommand.class,
      DemoCommand.class,
      TourCommand.class,
      BuildbotMasterCommand.class
    })
public final class Main {

  /** Exit code for a usage error. */
  static final int USAGE = 64;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(e -> USAGE);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("amp4j: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return USAGE;
        });
    int code = cl.execute(args);
    return code;
  }
}
