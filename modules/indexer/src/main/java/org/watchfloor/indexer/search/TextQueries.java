package org.watchfloor.indexer.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import java.util.List;

/** Turns a parsed {@link TextQuery} into the Elasticsearch query that matches the same articles. */
public final class TextQueries {
  /** The fields free text searches in articles, title weighed most. */
  public static final List<String> ARTICLE_FIELDS = List.of("title^3", "text", "tension.evidence");

  private TextQueries() {}

  /** The query over {@code fields}; {@link TextQuery#ALL} becomes {@code match_all}. */
  public static Query toQuery(TextQuery q, List<String> fields) {
    if (q instanceof TextQuery.All) {
      return Query.of(b -> b.matchAll(m -> m));
    }
    if (q instanceof TextQuery.Term t) {
      return Query.of(b -> b.multiMatch(m -> m.query(t.text()).fields(fields)
          .type(t.tokens().size() > 1 ? TextQueryType.Phrase : TextQueryType.BestFields).operator(Operator.And)));
    }
    if (q instanceof TextQuery.Phrase p) {
      return Query.of(b -> b.multiMatch(m -> m.query(p.text()).fields(fields).type(TextQueryType.Phrase)));
    }
    if (q instanceof TextQuery.And a) {
      return Query.of(b -> b.bool(bool -> {
        for (TextQuery part : a.parts()) {
          if (part instanceof TextQuery.Not n) {
            bool.mustNot(toQuery(n.part(), fields));
          } else {
            bool.must(toQuery(part, fields));
          }
        }
        return bool;
      }));
    }
    if (q instanceof TextQuery.Or o) {
      return Query.of(b -> b.bool(bool -> {
        for (TextQuery part : o.parts()) {
          bool.should(toQuery(part, fields));
        }
        return bool.minimumShouldMatch("1");
      }));
    }
    TextQuery.Not n = (TextQuery.Not) q;
    return Query.of(b -> b.bool(bool -> bool.mustNot(toQuery(n.part(), fields))));
  }
}
