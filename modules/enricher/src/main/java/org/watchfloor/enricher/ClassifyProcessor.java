package org.watchfloor.enricher;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.watchfloor.classify.Classifier;
import org.watchfloor.model.RawArticle;

/** Runs the classifier on each article; an exception or a null answer turns the record into a failure. */
final class ClassifyProcessor implements Processor<String, Work, String, Work> {
  private final Classifier classifier;
  private ProcessorContext<String, Work> context;

  ClassifyProcessor(Classifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
  }

  @Override
  public void init(ProcessorContext<String, Work> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Work> record) {
    Work work = record.value();
    RawArticle a = work.article();
    Work next;
    try {
      next = work.classified(Enrichment.classify(classifier, a));
    } catch (RuntimeException e) {
      // one article the classifier cannot handle must not stop the stream
      next = Work.failed(work.rawKey(), work.payload(), a, e);
    }
    context.forward(record.withValue(next));
  }
}
