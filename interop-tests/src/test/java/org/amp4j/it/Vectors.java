package org.amp4j.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The golden vectors produced by Twisted 22.4 (amp-vectors.json). */
final class Vectors {
  private Vectors() {}

  private static JsonNode root;

  static synchronized JsonNode root() {
    if (root == null) {
      String path =
          System.getProperty("amp4j.vectors", "../codec-amp/src/test/resources/amp-vectors.json");
      try {
        root = new ObjectMapper().readTree(new File(path));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  static List<JsonNode> category(String category) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode v : root().get("vectors")) {
      if (v.get("category").asText().equals(category)) {
        out.add(v);
      }
    }
    return out;
  }

  static JsonNode named(String name) {
    for (JsonNode v : root().get("vectors")) {
      if (v.get("name").asText().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no vector " + name);
  }
}
