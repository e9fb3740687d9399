package io.netroi.generate;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Invented people. A person index maps to a unique full name through a seeded bijection over
 * (first name x last name) pairs, then to double-barrelled last names once the single ones run
 * out, so every full name is globally unique however large the run. Company, position, email and
 * profile slug come from a random stream keyed by (seed, index).
 */
final class People {
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The organisation every member works for. */
  static final String ORG = "Harbourline Partners";

  static final List<String> FIRST = List.of(
      "Anna", "Tom", "David", "Maria", "James", "Sofia", "Liam", "Olivia", "Noah", "Emma",
      "Lucas", "Mia", "Ethan", "Amelia", "Oliver", "Isla", "Arjun", "Priya", "Rahul", "Ananya",
      "Vikram", "Kavya", "Rohan", "Meera", "Wei", "Mei", "Jun", "Yuki", "Haruto", "Sakura",
      "Min-jun", "Ji-woo", "Omar", "Layla", "Youssef", "Amira", "Karim", "Nadia", "Tariq", "Leila",
      "Kwame", "Amara", "Chidi", "Ngozi", "Tunde", "Zainab", "Kofi", "Abena", "Lars", "Ingrid",
      "Björn", "Astrid", "Søren", "Freya", "Mikko", "Aino", "Pieter", "Sanne", "Joris", "Femke",
      "José", "Lucía", "Javier", "Carmen", "Iñaki", "Begoña", "Mateo", "Valentina", "Diego", "Camila",
      "João", "Inês", "Tiago", "Beatriz", "François", "Chloé", "Étienne", "Renée", "Hélène", "Théo",
      "Jürgen", "Jörg", "Käthe", "Lena", "Felix", "Greta", "Matthias", "Ulrike", "Łukasz", "Małgorzata",
      "Piotr", "Zofia", "Tomáš", "Kateřina", "Ondřej", "Ioana", "Andrei", "Elena", "Dimitris", "Eleni",
      "Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo", "Aisling", "Ciarán", "Siobhán", "Niamh",
      "Dylan", "Megan", "Rhys", "Cerys", "Ewan", "Catriona", "Hamish", "Morag", "Grace", "Henry",
      "Charlotte", "George", "Harriet", "Rupert", "Imogen", "Hugo", "Beatrix", "Felicity", "Ravi", "Sunita",
      "Deepak", "Lakshmi", "Sanjay", "Pooja", "Aditya", "Nikhil", "Shreya", "Karthik", "Divya", "Hiroshi",
      "Aiko", "Kenji", "Naomi", "Daniel", "Sarah", "Michael", "Laura", "Chris", "Jessica", "Ryan",
      "Ashley", "Brandon", "Nicole", "Tyler", "Hannah", "Marcus", "Jasmine", "Andre", "Tanisha", "Zoë",
      "Noémie", "Aurélien", "Mónica", "Raúl", "Sebastián", "Ximena", "Thiago", "Gabriela", "Rafael", "Luana",
      "Ayşe", "Mehmet", "Emre", "Elif", "Dāvis", "Ilze", "Kristjan", "Maarja", "Nikolai", "Svetlana");

  static final List<String> REAL_LAST = List.of(
      "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
      "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
      "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott",
      "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel",
      "Sharma", "Gupta", "Iyer", "Reddy", "Nair", "Menon", "Kapoor", "Chatterjee", "Banerjee", "Rao",
      "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Tanaka", "Suzuki", "Sato", "Kim",
      "Park", "Nguyen", "Tran", "Okafor", "Adeyemi", "Mensah", "Owusu", "Haddad", "Khalil", "Nasser",
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Schäfer", "Köhler", "Jäger", "Groß",
      "García", "Martínez", "López", "González", "Rodríguez", "Fernández", "Pérez", "Sánchez", "Jiménez", "Núñez",
      "Peña", "Terán", "Muñoz", "Ibáñez", "Castaño", "Silva", "Santos", "Gonçalves", "Conceição", "Araújo",
      "Dubois", "Lefèvre", "Moreau", "Girard", "Bérubé", "Fontaine", "Rossi", "Russo", "Bianchi", "Romano",
      "Esposito", "Ricci", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Andersson", "Johansson",
      "Nilsson", "Lindqvist", "Hansen", "Nielsen", "Jørgensen", "Sørensen", "Virtanen", "Korhonen", "Nowak", "Kowalski",
      "Wiśniewski", "Wójcik", "Dvořák", "Novák", "Horváth", "Popescu", "Ionescu", "Papadopoulos", "Öztürk", "Yılmaz",
      "Şahin", "O'Brien", "O'Connor", "Murphy", "Kelly", "Byrne", "MacLeod", "Fraser", "Campbell", "Stewart",
      "Ó Súilleabháin", "Bergström", "Åberg", "Ångström", "Løvlie", "Æbelø", "Cohen", "Levi", "Friedman", "Abramov");

  private static final List<String> SYL_PRE = List.of(
      "Ash", "Bel", "Cal", "Dun", "Els", "Fair", "Gar", "Hal", "Ing", "Kel", "Lang", "Mar", "Nor", "Ov",
      "Pem", "Quin", "Rad", "Sel", "Tam", "Ul", "Var", "Wes", "Yar", "Brad", "Carr", "Dal", "Fen", "Glen",
      "Hart", "Kirk", "Lind", "Mel", "Old", "Pen", "Red", "Stan", "Thorn", "Wal", "Whit", "Bram", "Crom",
      "Dray", "Ever", "Frost", "Grims", "Holl", "Ives", "Kes", "Lock", "Merr", "Nash", "Orm", "Pick", "Ross",
      "Sax", "Tol", "Up", "Vick", "Wick", "Yell", "Alder", "Birch", "Cold", "Dart", "East", "Fal", "Gold",
      "Heath", "Ink", "Kings", "Lyn", "Moss", "North", "Oak", "Pres", "Rook", "South", "Til", "West", "Ack",
      "Bick", "Chad", "Dorn", "Emb", "Farn", "Gos", "Hux", "Jar");
  private static final List<String> SYL_SUF = List.of(
      "ford", "wick", "more", "ton", "ley", "bury", "field", "worth", "by", "stead", "holm", "ridge", "well",
      "wood", "dale", "mere", "combe", "hurst", "shaw", "brook", "sey", "den", "ham", "low", "thwaite", "garth",
      "cott", "land", "bourne", "croft", "ington", "stone", "berg", "strand", "vik", "haven",
      "port", "moor", "ell", "ard", "ick", "er", "in", "ing", "win", "ney", "sby", "thorpe", "wyn", "gate",
      "fell", "leigh", "mont", "ville", "ast", "oak", "ash", "beck", "burn", "cliffe", "ey", "ish", "kin",
      "ock", "ow", "rick", "son", "ster", "ward");

  private static final List<String> CO_PRE = List.of(
      "Ashgrove", "Bluepeak", "Cobalt", "Driftwood", "Evergreen", "Foxglove", "Granite", "Halcyon", "Ironbark",
      "Juniper", "Kestrel", "Lumen", "Meridian", "Northwind", "Oakridge", "Pinecrest", "Quarry", "Riverton",
      "Saltmarsh", "Tidewater", "Umber", "Vantage", "Westbrook", "Yellowfin", "Zephyr", "Amberly", "Brightwater",
      "Caldera", "Dovetail", "Emberly", "Fernhill", "Goldcrest", "Heron", "Indigo", "Jasper", "Kingfisher",
      "Larkspur", "Moorland", "Nimbus", "Orchid", "Palisade", "Redwood", "Silverline", "Thistle", "Upland",
      "Verdant", "Willow", "Alpine", "Beacon", "Cedar");
  private static final List<String> CO_SUF = List.of(
      "Analytics", "Labs", "Group", "Partners", "Systems", "Capital", "Health", "Logistics", "Energy",
      "Consulting", "Software", "Foods", "Retail", "Bank", "Insurance", "Robotics", "Media", "Studios",
      "Pharma", "Engineering", "Holdings", "Ventures", "Mobility", "Security", "Foundation");
  static final List<String> POSITIONS = List.of(
      "Head of People", "Talent Acquisition Lead", "HR Business Partner", "Chief People Officer",
      "VP Engineering", "Engineering Manager", "Software Engineer", "Senior Data Scientist", "CTO",
      "Chief Financial Officer", "Finance Director", "Procurement Manager", "Head of Operations",
      "Operations Director", "COO", "Founder", "Co-Founder & CEO", "Managing Director", "Product Manager",
      "Head of Product", "Marketing Director", "Head of Growth", "Sales Director", "Account Director",
      "Customer Success Manager", "Partner", "Principal Consultant", "Head of Strategy", "General Counsel",
      "Supply Chain Manager", "Plant Manager", "Clinical Lead", "Research Scientist", "Architect",
      "Programme Manager", "IT Director", "Data Protection Officer", "Board Advisor", "Investor", "Student");
  private static final List<String> EMOJI = List.of("🚀", "🌍", "✨", "🌱", "💡", "⚡", "🎯", "☕");
  private static final List<String> FREEMAIL = List.of("gmail.com", "outlook.com", "proton.me", "yahoo.co.uk");

  private static final java.util.regex.Pattern CUES = Texts.cuePattern(concat(Texts.PITCH_CUES, Texts.SOCIAL_CUES,
      Texts.INTRO_CUES));
  private static final List<String> SYL_MID = List.of("en", "er", "el", "an", "ing", "s", "ham", "wood");

  private final long seed;
  /** Name tiers: real surnames first (small indices, so small runs look real), then invented ones. */
  private final List<List<String>> tiers = new ArrayList<>();
  private final long[] tierStart;
  private final long[] tierSize;
  private final long[] tierMul;
  private final long[] tierAdd;
  private final List<String> doubleBase;
  private final long doublesStart;
  private final long doubles;
  private final long mulB;
  private final long addB;

  People(long seed) {
    this.seed = seed;
    LinkedHashSet<String> seen = new LinkedHashSet<>(REAL_LAST);
    // an invented surname must not read as a message cue ("Garden", ...)
    java.util.function.Predicate<String> clean = x -> !CUES.matcher(x).find();
    List<String> two = new ArrayList<>();
    for (String p : SYL_PRE) {
      for (String s : SYL_SUF) {
        if (clean.test(p + s) && seen.add(p + s)) {
          two.add(p + s);
        }
      }
    }
    List<String> three = new ArrayList<>();
    for (String m : SYL_MID) {
      for (String p : SYL_PRE) {
        for (String s : SYL_SUF) {
          String x = p + m + s;
          if (clean.test(x) && seen.add(x)) {
            three.add(x);
          }
        }
      }
    }
    tiers.add(REAL_LAST);
    tiers.add(List.copyOf(two));
    tiers.add(List.copyOf(three));
    tierStart = new long[tiers.size()];
    tierSize = new long[tiers.size()];
    tierMul = new long[tiers.size()];
    tierAdd = new long[tiers.size()];
    SplittableRandom r = new SplittableRandom(Rng.mix(seed, 0x9e0f1e));
    long at = 0;
    for (int t = 0; t < tiers.size(); t++) {
      tierStart[t] = at;
      tierSize[t] = (long) FIRST.size() * tiers.get(t).size();
      tierMul[t] = coprimeMultiplier(tierSize[t], r);
      tierAdd[t] = Math.floorMod(r.nextLong(), tierSize[t]);
      at += tierSize[t];
    }
    doubleBase = tiers.get(1);
    doublesStart = at;
    doubles = (long) FIRST.size() * doubleBase.size() * doubleBase.size();
    mulB = coprimeMultiplier(doubles, r);
    addB = Math.floorMod(r.nextLong(), doubles);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> out = new ArrayList<>();
    for (List<String> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  /** Number of distinct full names before double-barrelled surnames start. */
  long singleNames() {
    return doublesStart;
  }

  private static long coprimeMultiplier(long n, SplittableRandom r) {
    if (n <= 2) {
      return 1;
    }
    while (true) {
      long m = n / 3 + Math.floorMod(r.nextLong(), Math.max(1, n / 3));
      if (m > 1 && gcd(m, n) == 1) {
        return m;
      }
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** First and last name of a person index; unique across indices. */
  String[] name(int idx) {
    for (int t = 0; t < tiers.size(); t++) {
      if (idx < tierStart[t] + tierSize[t]) {
        long k = idx - tierStart[t];
        long p = Math.floorMod(mulMod(tierMul[t], k, tierSize[t]) + tierAdd[t], tierSize[t]);
        return new String[] {FIRST.get((int) (p % FIRST.size())), tiers.get(t).get((int) (p / FIRST.size()))};
      }
    }
    long k = idx - doublesStart;
    long p = Math.floorMod(mulMod(mulB, k, doubles) + addB, doubles);
    long rest = p / FIRST.size();
    String a = doubleBase.get((int) (rest % doubleBase.size()));
    String b = doubleBase.get((int) (rest / doubleBase.size()));
    return new String[] {FIRST.get((int) (p % FIRST.size())), a + "-" + b};
  }

  private static long mulMod(long a, long b, long m) {
    long hi = Math.multiplyHigh(a, b);
    if (hi == 0 && a * b >= 0) {
      return (a * b) % m;
    }
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
        .mod(java.math.BigInteger.valueOf(m)).longValue();
  }

  /** An external contact. */
  Person person(int idx) {
    SplittableRandom r = new SplittableRandom(Rng.mix(seed, 0x7e0000000L + idx));
    String[] n = name(idx);
    String first = n[0];
    String last = n[1];
    boolean emoji = r.nextInt(1000) < 12;
    if (emoji) {
      last = last + " " + EMOJI.get(r.nextInt(EMOJI.size()));
    }
    boolean noCompany = r.nextInt(100) < 3;
    String company = noCompany ? "" : CO_PRE.get(r.nextInt(CO_PRE.size())) + " " + CO_SUF.get(r.nextInt(CO_SUF.size()));
    String position = noCompany ? "" : POSITIONS.get(r.nextInt(POSITIONS.size()));
    boolean encode = r.nextBoolean();
    String slug = slug(first, last, encode, r.nextInt(1 << 24));
    String email = null;
    if (r.nextInt(100) < 5) {
      String domain = company.isEmpty() || r.nextInt(3) == 0
          ? FREEMAIL.get(r.nextInt(FREEMAIL.size()))
          : fold(company).replace(" ", "") + ".com";
      email = fold(first).replace(" ", "") + "." + fold(stripEmoji(last)).replace(" ", "") + "@" + domain;
    }
    return new Person(idx, first, last, company, position, slug, email);
  }

  /** A rostered member as a person: same name space, works at {@link #ORG}. */
  Person member(int idx, String position) {
    SplittableRandom r = new SplittableRandom(Rng.mix(seed, 0x3e0000000L + idx));
    String[] n = name(idx);
    String slug = slug(n[0], n[1], false, r.nextInt(1 << 24));
    return new Person(idx, n[0], n[1], ORG, position, slug, null);
  }

  /**
   * A different person with exactly the same name and company as {@code p} (a planted identity
   * trap): own slug, own position, no email.
   */
  Person twinOf(Person p, int idx) {
    SplittableRandom r = new SplittableRandom(Rng.mix(seed, 0x5e0000000L + idx));
    String position = POSITIONS.get(r.nextInt(POSITIONS.size()));
    if (position.equals(p.position())) {
      position = POSITIONS.get((POSITIONS.indexOf(position) + 1) % POSITIONS.size());
    }
    String slug;
    do {
      slug = slug(p.first(), p.last(), false, r.nextInt(1 << 24));
    } while (slug.equals(p.slug()));
    return new Person(idx, p.first(), p.last(), p.company(), position, slug, null);
  }

  /** A person whose name comes from index {@code idx} but who appears in no export. */
  Person outsider(int idx, String company) {
    Person p = person(idx);
    return new Person(idx, p.first(), p.last(), company, p.position(), p.slug(), null);
  }

  static String slug(String first, String last, boolean percentEncode, int suffix) {
    String base = (first + " " + stripEmoji(last)).trim().toLowerCase(Locale.ROOT)
        .replace("'", "").replace(' ', '-');
    String s = percentEncode ? percentEncode(base) : fold(base);
    return s + "-" + String.format(Locale.ROOT, "%06x", suffix);
  }

  static String stripEmoji(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || cp == ' ' || cp == '-' || cp == '\'')
        .forEach(b::appendCodePoint);
    return b.toString().trim();
  }

  /** Lower-ASCII transliteration used for slugs and emails. */
  static String fold(String s) {
    String t = s.replace("ß", "ss").replace("Æ", "Ae").replace("æ", "ae").replace("Ø", "O").replace("ø", "o")
        .replace("Ł", "L").replace("ł", "l").replace("ı", "i").replace("Œ", "Oe").replace("œ", "oe");
    t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder b = new StringBuilder(t.length());
    for (char c : t.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ') {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String percentEncode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 0x80) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  /** Whether an Excel re-save in Windows-1252 keeps this text intact. */
  static boolean fitsWindows1252(String s) {
    CharsetEncoder e = WINDOWS_1252.newEncoder();
    return e.canEncode(s);
  }

  /** Every distinct surname fragment, for tests of lexicon hygiene. */
  static List<String> companyWords() {
    List<String> out = new ArrayList<>(CO_PRE);
    out.addAll(CO_SUF);
    return out;
  }
}
