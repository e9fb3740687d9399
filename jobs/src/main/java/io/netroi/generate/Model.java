package io.netroi.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The in-memory picture of one member's export(s) before writing: rows with their planned fates. */
final class Model {
  private Model() {}

  enum Style { RELATIONSHIP, PITCH, INBOUND, INTRODUCED, SILENT }

  /** Which export of a two-export member holds a row. */
  enum Copy { BOTH, NEWER, OLDER }

  enum ConvKind { ONE_TO_ONE, GROUP, INTRO_RECEIVED, INTRO_MADE, LARGE_GROUP, SPAM, SPONSORED, ANONYMOUS, DRAFT, COLLEAGUE }

  static final class Conv {
    final int seq;
    final ConvKind kind;
    final String id;
    /** Participants; index 0 is the exporting member. */
    final List<Person> people;
    final List<Msg> msgs = new ArrayList<>();
    String title = "";
    String subject = "";
    boolean archived;
    /** The latest session of this one-to-one conversation has an answer (so it can go on). */
    boolean lastSessionAnswered;

    Conv(int seq, ConvKind kind, String id, List<Person> people) {
      this.seq = seq;
      this.kind = kind;
      this.id = id;
      this.people = people;
    }

    Msg add(long ts, int sender, String text, Fate fate) {
      Msg m = new Msg(this, msgs.size(), ts, sender, text, fate);
      msgs.add(m);
      return m;
    }

    long last() {
      return msgs.isEmpty() ? Long.MIN_VALUE : msgs.get(msgs.size() - 1).ts;
    }
  }

  static final class Msg {
    final Conv conv;
    final int seq;
    final long ts;
    final int sender;
    final String text;
    Fate fate;
    boolean draft;
    String badDate;
    boolean extraField;
    String attachment = "";
    Copy copy = Copy.NEWER;

    Msg(Conv conv, int seq, long ts, int sender, String text, Fate fate) {
      this.conv = conv;
      this.seq = seq;
      this.ts = ts;
      this.sender = sender;
      this.text = text;
      this.fate = fate;
    }

    boolean fromMember() {
      return sender == 0;
    }
  }

  static final class ConnRow {
    final Person p;
    final LocalDate date;
    final Fate fate;
    /** A line of only commas (no date either). */
    final boolean commas;
    Copy copy = Copy.NEWER;

    ConnRow(Person p, LocalDate date, Fate fate, boolean commas) {
      this.p = p;
      this.date = date;
      this.fate = fate;
      this.commas = commas;
    }
  }

  static final class InvRow {
    final Person contact;
    final boolean outgoing;
    final long ts;
    final String note;
    final Fate fate;
    String badDate;
    boolean commas;
    Copy copy = Copy.NEWER;

    InvRow(Person contact, boolean outgoing, long ts, String note, Fate fate) {
      this.contact = contact;
      this.outgoing = outgoing;
      this.ts = ts;
      this.note = note;
      this.fate = fate;
    }

    boolean personalised() {
      return note != null && !note.isEmpty();
    }
  }

  /** One member x contact relationship and what was planted in it. */
  static final class Rel {
    final Person p;
    final boolean shared;
    Style style;
    boolean colleague;
    boolean erased;
    boolean twin;
    long t0;
    int target;
    double social;
    boolean connected;
    LocalDate connectedOn;
    InvRow inv;
    boolean invAccepted;
    /** The relationship's opener was a personalised invitation note. */
    boolean noteOpened;
    boolean replied30;
    Conv conv;
    Rel introducer;
    boolean plainSilent;
    int outboundOpeners;
    int outboundReplied;
    boolean urlExposed;
    boolean emailExposed;
    boolean nameCompanyExposed;
    boolean olderOnly;
    boolean usedForOutcome;
    /**
     * A shared-pool person with a company in an export that carries URLs: they must appear in
     * Connections.csv (the only such row with name + company), or an old name-only export of
     * another member naming them could not be linked to them by design.md's identity rules.
     */
    boolean mustConnect;

    Rel(Person p, boolean shared) {
      this.p = p;
      this.shared = shared;
    }

    boolean messaged() {
      return conv != null && !conv.msgs.isEmpty();
    }

    boolean external() {
      return !colleague && !erased;
    }
  }
}
