package io.netroi.generate;

import io.netroi.generate.Model.Conv;
import io.netroi.generate.Model.ConvKind;
import io.netroi.generate.Model.Msg;
import io.netroi.generate.Model.Rel;
import io.netroi.generate.Model.Style;
import java.util.ArrayList;
import java.util.List;

/** What one member contributed to the truth file; small, so the member's model can be dropped. */
final class MemberSummary {
  final Plan.Member m;
  final List<FileTally> files;
  final List<FileTally.Reject> fileRejects;
  final List<String> ignored;
  final long[] relationships = new long[Style.values().length];
  final long[] replied30 = new long[Style.values().length];
  final long[] connectedByStyle = new long[Style.values().length];
  final long[] outboundByStyle = new long[Style.values().length];
  final long[] outboundRepliedByStyle = new long[Style.values().length];
  long outboundOpeners;
  long outboundReplied30;
  long personalisedSent;
  long personalisedAccepted;
  long vanillaSent;
  long vanillaAccepted;
  long incomingInvitations;
  long oneToOneConversations;
  long groupConversations;
  long groupMessages;
  long introsReceived;
  long introsMade;
  long largeGroups;
  long largeGroupMessages;
  long colleagueConversations;
  long colleagueMessages;
  long olderOnlyMessages;
  final int[] persons;
  final int[] colleagues;
  final List<Outcomes.Outcome> outcomes;
  final List<String[]> interactions;
  final List<String> erased;
  final List<String[]> twins = new ArrayList<>();

  MemberSummary(MemberGen g, ExportWriter w, Outcomes o) {
    this.m = g.m;
    this.files = w.files;
    this.fileRejects = w.fileRejects;
    this.ignored = w.ignored;
    this.outcomes = o.outcomes;
    this.interactions = o.interactions;
    this.erased = g.erasedIdentifiers;
    List<Integer> ps = new ArrayList<>();
    List<Integer> cs = new ArrayList<>();
    for (Rel x : g.rels) {
      if (x.erased) {
        continue;
      }
      if (x.colleague) {
        cs.add(x.p.idx());
        continue;
      }
      ps.add(x.p.idx());
      int s = x.style.ordinal();
      relationships[s]++;
      if (x.connected) {
        connectedByStyle[s]++;
      }
      if ((x.style == Style.RELATIONSHIP || x.style == Style.PITCH || x.style == Style.INTRODUCED) && x.replied30) {
        replied30[s]++;
      }
      outboundOpeners += x.outboundOpeners;
      outboundReplied30 += x.outboundReplied;
      outboundByStyle[s] += x.outboundOpeners;
      outboundRepliedByStyle[s] += x.outboundReplied;
      if (x.inv != null && x.inv.fate.kept()) {
        if (!x.inv.outgoing) {
          incomingInvitations++;
        } else if (x.inv.personalised()) {
          personalisedSent++;
          personalisedAccepted += x.connected ? 1 : 0;
        } else {
          vanillaSent++;
          vanillaAccepted += x.connected ? 1 : 0;
        }
      }
      if (x.twin) {
        twins.add(new String[] {x.p.name(), x.p.company(), x.p.url(), m.id});
      }
    }
    persons = ps.stream().mapToInt(Integer::intValue).toArray();
    colleagues = cs.stream().mapToInt(Integer::intValue).toArray();
    for (Conv c : g.convs) {
      long kept = c.msgs.stream().filter(q -> q.fate.kept()).count();
      switch (c.kind) {
        case ONE_TO_ONE -> {
          if (kept > 0) {
            oneToOneConversations++;
          }
          for (Msg q : c.msgs) {
            if (q.copy == Model.Copy.OLDER && q.fate.kept()) {
              olderOnlyMessages++;
            }
          }
        }
        case GROUP, INTRO_MADE, INTRO_RECEIVED -> {
          groupConversations++;
          groupMessages += kept;
        }
        case LARGE_GROUP -> {
          largeGroups++;
          largeGroupMessages += c.msgs.size();
        }
        case COLLEAGUE -> {
          colleagueConversations++;
          colleagueMessages += kept;
        }
        default -> {
          // exclusions are counted through the file tallies
        }
      }
      if (c.kind == ConvKind.INTRO_MADE) {
        introsMade++;
      } else if (c.kind == ConvKind.INTRO_RECEIVED) {
        introsReceived++;
      }
    }
  }

  boolean acceptanceMeasurable() {
    return personalisedSent + vanillaSent > 0 && personalisedAccepted + vanillaAccepted > 0;
  }
}
