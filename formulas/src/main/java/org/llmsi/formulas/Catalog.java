package org.llmsi.formulas;

import java.util.List;

/**
 * The topic classes holding {@link Reference} methods.
 *
 * <p>The verifier reads {@link #guide()} (never the class path): every reference in those classes
 * must be bound to a formula block of the guide, so a reference nobody uses is an error instead of
 * silently ignored. A topic joins {@link #guide()} when a chapter first uses it; until then it is
 * in {@link #all()} only, where the library's own tests reach it.
 */
public final class Catalog {
  private Catalog() {}

  /** Topics whose every reference is bound to a formula of the published guide. */
  public static List<Class<?>> guide() {
    // Every topic now has its chapter; a new topic stays out of this list until one does.
    return all();
  }

  /** Every topic class of the reference implementation, published or not. */
  public static List<Class<?>> all() {
    return List.of(
        Roofline.class,
        KernelIntensity.class,
        TransformerParameters.class,
        TransformerFlops.class,
        TrainingTime.class,
        TrainingMemory.class,
        ActivationMemory.class,
        Collectives.class,
        ParallelismCommunication.class,
        PipelineBubble.class,
        InferenceLatency.class,
        KvCache.class,
        PagedAttention.class,
        SpeculativeDecoding.class,
        SpeculationCost.class,
        MoeServing.class,
        InferencePrecision.class,
        ScalingLaws.class,
        ServingCost.class,
        ServingMemory.class,
        DisaggregatedServing.class,
        PrefixCacheTiers.class,
        PipelineSchedules.class,
        ExpertParallelism.class,
        CommunicationRoofline.class,
        ContextParallelism.class,
        Reliability.class,
        LongContext.class);
  }
}
