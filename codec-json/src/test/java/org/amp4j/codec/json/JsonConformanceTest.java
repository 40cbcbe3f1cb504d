package org.amp4j.codec.json;

import java.util.LinkedHashMap;
import java.util.Map;
import org.amp4j.Limits;
import org.amp4j.codectest.CodecConformanceTest;
import org.amp4j.codectest.GoldenMessages;
import org.amp4j.codectest.WireValues;
import org.amp4j.spi.Codec;

/** The shared codec suite, run against the JSON codec. */
class JsonConformanceTest extends CodecConformanceTest {

  @Override
  protected Codec codec(Limits limits) {
    return new JsonCodecProvider().create(limits);
  }

  /** The golden frames as readable JSON text; the length prefix is added. */
  @Override
  protected Map<String, String> goldenHex() {
    Map<String, String> hex = new LinkedHashMap<>();
    hex.put(GoldenMessages.CALL_WITH_TAG, frame("{'call':'Sum','tag':'1','args':{'a':13,'b':81}}"));
    hex.put(
        GoldenMessages.CALL_WITHOUT_TAG,
        frame("{'call':'Notify','args':{'message':'fire and forget'}}"));
    hex.put(
        GoldenMessages.ANSWER_SEVERAL_TYPES,
        frame(
            "{'answer':'1','values':{'integer':-7,'string':'AGJpbg==','unicode':'\u00fcml\u00e4ut',"
                + "'boolean':true,'float':2.5,'decimal':3.14,"
                + "'datetime':'2024-02-29T13:14:15.161718+01:00','path':'/amp-test/p',"
                + "'int_list':[1,2],'text_list':['x'],'records':[{'id':1,'name':'one'}]}}"));
    hex.put(
        GoldenMessages.ERROR,
        frame("{'error':'1','code':'ZERO_DIVISION','description':'division by zero'}"));
    hex.put(
        GoldenMessages.ANSWER_WITH_RECORDS,
        frame(
            "{'answer':'1','values':{'records':[{'index':0,'label':'item0','even':true},"
                + "{'index':1,'label':'item1','even':false},"
                + "{'index':2,'label':'item2','even':true}]}}"));
    return hex;
  }

  /** The hex of a frame holding JSON text written with ' for ". */
  static String frame(String json) {
    return WireValues.hex(JsonFrames.frame(json.replace('\'', '"')));
  }
}
