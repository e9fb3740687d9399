package io.netroi.generate;

/**
 * One invented person (a contact or a member). Everything about a person is a pure function of
 * the seed and the person's index, so any member's generator can rebuild a shared contact without
 * coordination.
 *
 * @param idx global person index (members first, then the shared pool, then private ranges)
 * @param first first name (may contain accents)
 * @param last last name (may contain accents or an emoji suffix)
 * @param company current company; empty for the few people who leave it blank
 * @param position current position; empty together with company
 * @param slug LinkedIn public profile slug, possibly percent-encoded; null for "LinkedIn Member"
 * @param email email visible to connections, or null (about 5% have one)
 */
record Person(int idx, String first, String last, String company, String position, String slug, String email) {
  static final String URL_PREFIX = "https://www.linkedin.com/in/";

  /** The anonymous sender LinkedIn shows for deleted or hidden accounts. */
  static final Person LINKEDIN_MEMBER = new Person(-1, "LinkedIn", "Member", "", "", null, null);

  String name() {
    return first + " " + last;
  }

  String url() {
    return slug == null ? "" : URL_PREFIX + slug;
  }

  boolean hasCompany() {
    return !company.isEmpty();
  }
}
