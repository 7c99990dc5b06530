package org.watchfloor.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SteadyStateTest {
  @Test
  void aRisingRateIsNotSteadyUntilThreeWindowsAgree() {
    SteadyState s = new SteadyState(3, 0.10, 0);
    assertThat(s.add(200)).isFalse();
    assertThat(s.add(400)).isFalse();
    assertThat(s.add(600)).isFalse();
    assertThat(s.add(650)).isFalse();
    assertThat(s.add(680)).isTrue();
    assertThat(s.rates()).containsExactly(200.0, 400.0, 600.0, 650.0, 680.0);
  }

  @Test
  void oneWindowOutsideTheToleranceBreaksIt() {
    SteadyState s = new SteadyState(3, 0.10, 0);
    s.add(500);
    s.add(500);
    assertThat(s.add(500)).isTrue();
    assertThat(s.add(300)).isFalse();
  }

  @Test
  void aPacedLoadIsSteadyOnlyWhenThePipelineKeepsUp() {
    SteadyState lagging = new SteadyState(3, 0.10, 500);
    lagging.add(400);
    lagging.add(410);
    assertThat(lagging.add(405)).as("steady, but 20 % behind the pace").isFalse();
    SteadyState keepingUp = new SteadyState(3, 0.10, 500);
    keepingUp.add(495);
    keepingUp.add(505);
    assertThat(keepingUp.add(500)).isTrue();
  }

  @Test
  void nothingFlowingIsNeverSteady() {
    SteadyState s = new SteadyState(2, 0.10, 0);
    s.add(0);
    assertThat(s.add(0)).isFalse();
  }
}
