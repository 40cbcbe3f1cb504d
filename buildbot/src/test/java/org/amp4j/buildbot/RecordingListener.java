package org.amp4j.buildbot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every listener call as text, in order. */
final class RecordingListener implements CommandListener {
  final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void stdout(String text) {
    events.add("stdout:" + text);
  }

  @Override
  public void stderr(String text) {
    events.add("stderr:" + text);
  }

  @Override
  public void header(String text) {
    events.add("header:" + text);
  }

  @Override
  public void log(String name, String text) {
    events.add("log:" + name + ":" + text);
  }

  @Override
  public void rc(int rc) {
    events.add("rc:" + rc);
  }

  @Override
  public void elapsed(double seconds) {
    events.add("elapsed:" + seconds);
  }

  @Override
  public void update(String key, Object value) {
    events.add("update:" + key + "=" + value);
  }
}
