package org.watchfloor.desk.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchfloor.desk.TestArticles.article;

import org.junit.jupiter.api.Test;
import org.watchfloor.desk.query.DeskFilter;
import org.watchfloor.model.EnrichedArticle;

class LiveHubTest {
  @Test
  void dropsAViewerThatFallsBehindWithoutHoldingUpTheOthers() throws Exception {
    LiveHub hub = new LiveHub();
    LiveHub.Viewer slow = hub.join(DeskFilter.NONE);
    LiveHub.Viewer fast = hub.join(DeskFilter.NONE);
    int received = 0;
    for (int i = 0; i < LiveHub.QUEUE + 10; i++) {
      EnrichedArticle a = article("a" + i).build();
      hub.publish(new LiveHub.Event("article", "{}", a, 0));
      if (fast.poll(0) != null) {
        received++;
      }
    }

    assertThat(received).isEqualTo(LiveHub.QUEUE + 10);
    assertThat(slow.dropped()).isTrue();
    assertThat(fast.dropped()).isFalse();
    assertThat(hub.viewers()).isEqualTo(1);
    assertThat(hub.droppedViewers()).isEqualTo(1);
  }

  @Test
  void alertsAndActionsReachEveryViewerWhateverItsFilter() throws Exception {
    LiveHub hub = new LiveHub();
    LiveHub.Viewer v = hub.join(new DeskFilter(java.util.List.of("PRK"), null, null, null, null, null, null, null));
    hub.publish(new LiveHub.Event("alert", "{\"id\":\"x\"}", null, 0));
    hub.publish(new LiveHub.Event("article", "{}", article("kor").actors("KOR").build(), 0));

    assertThat(v.poll(0).name()).isEqualTo("alert");
    assertThat(v.poll(0)).isNull();
    v.close();
    assertThat(hub.viewers()).isZero();
  }
}
