package org.watchfloor.enricher;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.watchfloor.model.RawArticle;

/** Parses each raw payload; keys valid articles by id and passes failures on with their reason. */
final class ValidateProcessor implements Processor<byte[], byte[], String, Work> {
  private final ArticleValidator validator;
  private ProcessorContext<String, Work> context;

  ValidateProcessor(int maxPayloadBytes) {
    this.validator = new ArticleValidator(maxPayloadBytes);
  }

  @Override
  public void init(ProcessorContext<String, Work> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Work work;
    String key = null;
    try {
      RawArticle article = validator.validate(record.value());
      key = article.id();
      work = Work.parsed(record.key(), record.value(), article);
    } catch (RuntimeException e) {
      // SchemaException and InvalidArticleException by design; anything else is a bad record all the same
      if (e instanceof InvalidArticleException invalid) {
        key = invalid.articleId();
      }
      work = Work.failed(record.key(), record.value(), null, e);
    }
    context.forward(record.withKey(key).withValue(work));
  }
}
