package org.watchfloor.pages.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoldSetTest {

  @Test
  void extractionOnTheGoldSetStaysAboveItsLowerBounds() {
    GoldSetEvaluator.Report report = GoldSetEvaluator.evaluate(GoldSetEvaluator.goldDir());

    assertThat(report.pages()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(report.microF1()).as(report.format()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.meanF1()).as(report.format()).isGreaterThanOrEqualTo(0.93);
    assertThat(report.microPrecision()).as(report.format()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.microRecall()).as(report.format()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.minF1()).as(report.format()).isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void scoresTokensAsABag() {
    GoldSetEvaluator.PageScore s = GoldSetEvaluator.score("x", "the missile the launch cookie", "The missile launch, the end");

    assertThat(s.extracted()).isEqualTo(5);
    assertThat(s.expected()).isEqualTo(5);
    assertThat(s.overlap()).isEqualTo(4);
    assertThat(s.precision()).isEqualTo(0.8);
    assertThat(s.recall()).isEqualTo(0.8);
  }
}
