package org.watchfloor.indexer.ingest;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/** What became of one bulk item: indexed, rejected for good (400: dead letter), or to be retried (429, 5xx, I/O). */
public record BulkOutcome(Kind kind, String errorType, String reason) {
  /** The three fates of a bulk item. */
  public enum Kind { INDEXED, REJECTED, RETRY }

  public static final BulkOutcome INDEXED = new BulkOutcome(Kind.INDEXED, null, null);

  /** The outcome of a bulk response item: only a 400 is final, as a retry could not change Elasticsearch's mind. */
  public static BulkOutcome of(BulkResponseItem item) {
    if (item.error() == null && item.status() < 300) {
      return INDEXED;
    }
    String type = item.error() == null ? "http_" + item.status() : item.error().type();
    String reason = "status " + item.status() + ": " + describe(item.error());
    return item.status() == 400 ? new BulkOutcome(Kind.REJECTED, type, reason) : new BulkOutcome(Kind.RETRY, type, reason);
  }

  /** Whether the item found its document existing already (a create, or a version check, that lost). */
  public boolean isConflict() {
    return "version_conflict_engine_exception".equals(errorType);
  }

  /** The outcome of every item of a bulk that failed as a whole (connection refused, 429, 5xx...). */
  public static BulkOutcome failed(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new BulkOutcome(Kind.RETRY, error.getClass().getSimpleName(), message);
  }

  static String describe(ErrorCause error) {
    if (error == null) {
      return "no reason given";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(error.type()).append(": ").append(error.reason());
    ErrorCause cause = error.causedBy();
    for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.causedBy()) {
      sb.append(" (caused by ").append(cause.type()).append(": ").append(cause.reason()).append(')');
    }
    return sb.toString();
  }
}
