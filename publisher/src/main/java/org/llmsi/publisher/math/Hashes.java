package org.llmsi.publisher.math;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

final class Hashes {
  private Hashes() {}

  /** The first 12 hex digits of the SHA-1 of the text: a name that changes when, and only when, the content does. */
  static String shortSha1(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
