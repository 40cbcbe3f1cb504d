package org.amp4j.codec.msgpack;

/** The keys of the message map ({@code docs/codecs.md}, "Messages"). */
final class Keys {

  static final String CALL = "call";
  static final String TAG = "tag";
  static final String ARGS = "args";
  static final String ANSWER = "answer";
  static final String VALUES = "values";
  static final String ERROR = "error";
  static final String CODE = "code";
  static final String DESCRIPTION = "description";

  /** The most keys a message map has (a call with a tag, an error). */
  static final int MAX_MESSAGE_KEYS = 3;

  private Keys() {}
}
