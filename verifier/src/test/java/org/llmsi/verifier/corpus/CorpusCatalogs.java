package org.llmsi.verifier.corpus;

import java.util.List;
import org.llmsi.formulas.Reference;

/**
 * Reference catalogs for the bad-input corpus: small, so each fixture binds exactly the references
 * it is about.
 */
public final class CorpusCatalogs {
  private CorpusCatalogs() {}

  /** The default: one correct reference, the ridge point. */
  public static List<Class<?>> ridge() {
    return List.of(Ridge.class);
  }

  /** The ridge point and a second reference that no fixture formula of that name will disagree with. */
  public static List<Class<?>> ridgeAndGap() {
    return List.of(Ridge.class, Gap.class);
  }

  /** A reference whose parameters do not match the formula's symbols. */
  public static List<Class<?>> wrongParameters() {
    return List.of(WrongParameters.class);
  }

  /** A reference that is not a static double method. */
  public static List<Class<?>> badSignature() {
    return List.of(Ridge.class, BadSignature.class);
  }

  public static final class Ridge {
    private Ridge() {}

    @Reference(id = "ridge_point", symbols = {"P_peak", "B_mem"})
    public static double ridgePoint(double peak, double bandwidth) {
      return peak / bandwidth;
    }
  }

  public static final class Gap {
    private Gap() {}

    /** Divides by a difference that is zero everywhere: the NaN-in-domain fixture. */
    @Reference(id = "ridge_gap", symbols = {"P_peak", "B_mem"})
    public static double ridgeGap(double peak, double bandwidth) {
      return peak / (bandwidth - bandwidth);
    }
  }

  public static final class WrongParameters {
    private WrongParameters() {}

    @Reference(id = "ridge_point", symbols = {"P_peak", "e"})
    public static double ridgePoint(double peak, double bytesPerElement) {
      return peak / bytesPerElement;
    }
  }

  public static final class BadSignature {
    private BadSignature() {}

    @Reference(id = "critical_batch", symbols = {"P_peak", "B_mem", "e"})
    public static long criticalBatch(double peak, double bandwidth, double bytesPerElement) {
      return (long) (peak * bytesPerElement / (2 * bandwidth));
    }
  }
}
