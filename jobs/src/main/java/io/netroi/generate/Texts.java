package io.netroi.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Message template banks. Each bank is unambiguous against the cue lists below: every pitch
 * template carries at least one {@link #PITCH_CUES pitch cue} and no other bank carries one; the
 * same holds for {@link #SOCIAL_CUES social cues} and {@link #INTRO_CUES introduction cues}. Cues
 * match as whole words or phrases, case-insensitively. docs/generator.md lists the banks.
 */
final class Texts {
  private Texts() {}

  static final List<String> PITCH_CUES = List.of(
      "demo", "our platform", "15 minutes", "open to new opportunities", "a role that fits you",
      "pricing", "free trial", "book a call", "our solution", "hiring for", "candidates");
  static final List<String> SOCIAL_CUES = List.of(
      "weekend", "family", "kids", "holiday", "marathon", "football", "hiking", "trip", "vacation",
      "golf", "cycling", "garden", "birthday", "wedding", "dog", "concert");
  static final List<String> INTRO_CUES = List.of("introduce", "meet", "connecting you two", "intro");

  /** Exact system notice texts (excluded as {@code system}). */
  static final String REQUEST_ACCEPTED = "Message request accepted";
  static final String LEFT_CONVERSATION = "A LinkedIn member left the conversation.";

  static final List<String> PITCH_SALES = List.of(
      "Hi {first}, I help teams like yours at {company} cut reporting time in half with our platform. Could I get 15 minutes next week to show you a quick demo?",
      "Hi {first},\n\nQuick question: is {company} still doing supplier onboarding by hand? Our platform automates it end to end, and most customers see results in the first month.\n\nWorth a short demo? Happy to work around your calendar.\n\n{me}",
      "{first}, we just launched a free trial of our solution for operations leaders. Can I book a call to walk you through pricing?",
      "Hello {first}, I noticed {company} is growing fast. Teams in your space use our platform to \"do more with less\", and I would love to show you a demo.",
      "Hi {first}, would you have 15 minutes to see how our solution could save your team 10 hours a week? I can send pricing beforehand.",
      "Hi {first} - we work with companies like {company} on forecasting. There is a free trial of our platform, no strings attached. Shall I book a call?",
      "{first}, last quarter we helped three firms in your sector cut costs by 18%. Open to a 20-minute demo of our solution on Thursday or Friday?",
      "Hi {first},\n\nI will keep this short. Our platform replaces spreadsheets, email chains and \"the one person who knows\" with a single workflow.\n\nCan I book a call for 15 minutes?\n\nThanks,\n{me}");

  static final List<String> PITCH_RECRUITING = List.of(
      "Hi {first}, are you open to new opportunities? I am working on a role that fits you really well: senior, flexible, and a strong package.",
      "Hi {first},\n\nI came across your profile and think I have a role that fits you at a fast-growing scale-up. Are you open to new opportunities at the moment?\n\nBest,\n{me}",
      "Hi {first}, we are hiring for a Head of Operations in London and your background stands out. Would you be open to new opportunities?",
      "{first}, I have three pre-screened candidates for the kind of team {company} is building. Could we take 15 minutes to go through them?",
      "Hello {first}, are you open to new opportunities? A client of mine is hiring for a leadership position, \"hybrid, 3 days in office\", and I think it is a role that fits you.",
      "Hi {first}, I place senior finance candidates with firms like {company}. If you are hiring for your team this year, I would love to help.",
      "Hi {first},\n\nConfidential search, so details are light: a role that fits you, reporting to the CEO, equity included.\n\nOpen to new opportunities? A short reply is enough.\n\n{me}");

  static final List<String> RELATIONSHIP = List.of(
      "Congratulations on the new position at {company}, {first}! Well deserved.",
      "Hi {first}, loved your post about {topic}. The point about {topic2} really stuck with me.",
      "Great talking with you at {event} last week, {first}. Your take on {topic} was the best thing I heard all day.",
      "Hi {first},\n\nI have been following your writing on {topic} for a while and wanted to say thank you. It changed how our team thinks about it.\n\nAll the best,\n{me}",
      "Happy work anniversary, {first}! Five years at {company} is quite something.",
      "{first}, I read the article you shared on {topic}, \"small steps, big change\", and it made my morning. Thanks for sharing.",
      "Hi {first}, congrats on the promotion! {company} is lucky to have you.",
      "Thank you for the thoughtful comment on my post about {topic}, {first}. Really appreciated it.",
      "Hi {first}, it was good to sit next to you at {event}. Hope the rest of the conference was useful.",
      "Hi {first},\n\nYour talk at {event} on {topic} was excellent, especially the part on {topic2}.\n\nNo agenda here, just wanted to say it landed.\n\n{me}");

  static final List<String> SOCIAL = List.of(
      "Hi {first}, how was the marathon? Saw the photos, amazing effort!",
      "{first}, hope you had a lovely holiday with the family. Where did you end up going?",
      "Did you catch the football last night, {first}? What a finish.",
      "Hope the kids enjoyed the half-term, {first}! Ours are still talking about the zoo.",
      "Happy birthday, {first}! Hope you get a proper day off.",
      "How was the hiking trip in the Dolomites, {first}? I am planning one for next summer.",
      "{first}, congratulations on the wedding! The photos looked wonderful.",
      "Any tips for a first cycling holiday, {first}? You always seem to be out on the bike at the weekend.",
      "Saw your dog in your latest post, what a character! What breed is he?",
      "Hi {first},\n\nGreat seeing you at the golf day. Same time next year?\n\n{me}",
      "Enjoy the concert tonight! Jealous, I could not get tickets.",
      "How is the garden coming along, {first}? The tomatoes looked impressive.",
      "Hope you had a restful weekend, {first}. We finally got the kids to the beach.",
      "{first}, how was the vacation? Back to reality with a bump, I imagine.");

  static final List<String> INTRO = List.of(
      "{a}, meet {b}. {b} runs operations at {bcompany} and has been wrestling with the same questions you mentioned. I thought you two should talk. I'll let you take it from here!",
      "Hi both! I'd like to introduce {a} and {b}. {a}, {b} is one of the sharpest people I know on {topic}. {b}, {a} is someone I trust completely. Over to you.",
      "{a} and {b}, connecting you two as promised. {a} is at {acompany}, {b} at {bcompany}. I think there is a lot you can learn from each other.",
      "Hi {a},\n\nAs discussed, I'd like to introduce you to {b}, who has done exactly the \"10 to 100 people\" journey you asked about.\n\n{b}, meet {a}.\n\nBest,\n{me}",
      "Quick intro: {a}, meet {b}. You both care about {topic} more than anyone I know, so I suspect coffee is overdue.");

  /** First one-to-one message after being introduced (no cues of any bank). */
  static final List<String> AFTER_INTRO = List.of(
      "Hi {first}, thanks to {c} for putting us in touch. Would be good to compare notes on {topic} sometime.",
      "Hi {first}, great to be connected through {c}. When suits you for a chat?",
      "{first}, lovely to be in touch. {c} speaks very highly of you. Do you have time for a coffee in the next few weeks?",
      "Hi {first},\n\nGood to be connected, and thanks again to {c}.\n\nWould Tuesday or Wednesday afternoon work for a first conversation?\n\n{me}");

  /** Replies inside an introduction thread (no cues). */
  static final List<String> INTRO_THANKS = List.of(
      "Thanks {c}! Hi {first}, great to be connected.",
      "Thank you {c}, much appreciated. {first}, I will drop you a note separately.",
      "Thanks {c}. {first}, looking forward to talking.");

  static final List<String> NEUTRAL_REPLY = List.of(
      "Thanks {first}, appreciate you reaching out.",
      "Thank you! Good to hear from you.",
      "Sounds good, speak soon.",
      "Thanks for the note, {first}. Let me think about it and come back to you.",
      "Of course, happy to help where I can.",
      "Great, that works for me.",
      "Thanks, {first}. Very kind of you to say.",
      "Noted, I will take a look and revert.",
      "Hi {first},\n\nThanks for this. A few thoughts:\n- the timeline looks tight, but doable\n- I would keep the second point, as discussed\n\nBest,\n{me}",
      "Ha, agreed. Talk soon.",
      "Sorry for the slow reply, it has been a busy few weeks. Yes, let's stay in touch.",
      "Thanks {first}, that is really useful context.",
      "Tuesday at 10 works. I will send an invite.",
      "Good question. Short answer: yes, but it depends on the budget cycle.",
      "Thanks for sending the notes, {first}. All clear on my side.");

  static final List<String> FOLLOW_UP = List.of(
      "Hi {first}, just bumping this up in case it got buried.",
      "Following up on my note below, {first}. No pressure at all.",
      "Hi {first}, circling back on this one.",
      "Just checking this reached you, {first}.");

  /** Session openers after a long silence (no cues). */
  static final List<String> CHECK_IN = List.of(
      "Hi {first}, it has been a while! How are things at {company}?",
      "Hi {first}, quick question about {topic}: is there any reading you would recommend?",
      "Hi {first}, I thought of you when I read this piece on {topic}.",
      "{first}, hope all is well. Are you still in the same team?",
      "Hi {first},\n\nLong time no speak. I saw the news about {company}, congratulations to the whole team.\n\n{me}");

  /** Inside a 3-4 person group thread (no cues). */
  static final List<String> GROUP = List.of(
      "Hi all, thanks for the discussion today. Notes to follow.",
      "Adding the slides here so we have them in one place.",
      "Works for me. Thursday at 2?",
      "Thanks everyone, this was useful.",
      "Can we push this to next week? Something came up on my side.",
      "Agreed with the points above.",
      "Good summary, thank you.");

  static final List<String> COLLEAGUE = List.of(
      "Can you cover the client check-in on Thursday?",
      "Shared the pipeline sheet with you, have a look when you get a chance.",
      "Nice work on the quarterly review.",
      "Are you in the office tomorrow?",
      "Quick one: do you have the contact details for the finance lead at {company}?",
      "Thanks for stepping in yesterday, owe you one.");

  static final List<String> SPAM = List.of(
      "Make $5,000 a week from home!!! Click here: http://bit.ly/3xAmPle",
      "Congratulations {first}, you have been selected for an exclusive crypto allocation. Reply YES.",
      "URGENT: your account will be suspended. Verify now at linkedln-security.co",
      "Dear {first}, I am a lawyer representing a client with an inheritance of USD 4,500,000 in your name.");

  static final List<String> SPONSORED_TITLES = List.of("Sponsored Conversation");

  static final List<String> SPONSORED_HTML = List.of(
      "<p class=\"spinmail-quill-editor__spin-break\">Hi {first},</p><p class=\"spinmail-quill-editor__spin-break\">Leaders at {company} are invited to our executive roundtable on the future of work.</p><p class=\"spinmail-quill-editor__spin-break\">Reserve your seat today.</p>",
      "<p class=\"spinmail-quill-editor__spin-break\">Hello {first},</p><p class=\"spinmail-quill-editor__spin-break\">Download the 2025 benchmark report, free for a limited time.</p>");

  static final List<String> ANONYMOUS = List.of(
      "Hello, I saw your profile and wanted to say hello.",
      "Hi, are you the person who spoke on the panel last month?",
      "Thanks for accepting.");

  static final List<String> DRAFT = List.of(
      "Hi {first}, I wanted to follow up on",
      "Hi {first}, hope you are well. I",
      "Thanks for");

  /** Inbound openers from contacts that are not pitches (no cues). */
  static final List<String> INBOUND = List.of(
      "Hi {first}, thanks for connecting! I enjoyed your recent post.",
      "Hi {first}, a mutual contact suggested I get in touch. Do you have time for a short chat?",
      "Hello {first}, we spoke briefly at {event}. Would love to stay in touch.",
      "Hi {first}, quick question about your experience with {topic}, if you have a moment.",
      "Hi {first},\n\nI am new to the area and building my network. Your posts on {topic} have been really helpful.\n\nThanks,\n{me}");

  static final List<String> TOPICS = List.of(
      "remote onboarding", "mentoring new managers", "the four-day week", "writing clear documentation",
      "leading through change", "the energy transition", "building trust in teams", "flexible working",
      "retention in tech", "pay transparency", "returning to the office", "career changes after forty",
      "data literacy", "procurement in the public sector", "sustainable supply chains");
  static final List<String> EVENTS = List.of(
      "the Leeds HR Summit", "SaaStr Europa", "the Berlin People Analytics Forum", "the Chamber of Commerce breakfast",
      "Web Summit", "the CIPD Festival of Work", "the Nordic Finance Forum", "the Mumbai Startup Week",
      "the Boston Talent Forum", "London Tech Week");

  /** Fills a template: {first} recipient, {me} sender, {company} recipient's company. */
  static String fill(String template, SplittableRandom r, Person sender, Person recipient, Person extra) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    String company = recipient != null && recipient.hasCompany() ? recipient.company() : "your company";
    String topic = Rng.pick(r, TOPICS);
    String topic2 = TOPICS.get((TOPICS.indexOf(topic) + 1 + r.nextInt(TOPICS.size() - 1)) % TOPICS.size());
    return template
        .replace("{first}", recipient == null ? "all" : recipient.first())
        .replace("{me}", sender.first())
        .replace("{company}", company)
        .replace("{topic2}", topic2)
        .replace("{topic}", topic)
        .replace("{event}", Rng.pick(r, EVENTS))
        .replace("{c}", extra == null ? "" : extra.first());
  }

  /** Fills an introduction: {a} and {b} are introduced to each other by {me}. */
  static String fillIntro(String template, SplittableRandom r, Person introducer, Person a, Person b) {
    return template
        .replace("{acompany}", a.hasCompany() ? a.company() : "a company I admire")
        .replace("{bcompany}", b.hasCompany() ? b.company() : "a company I admire")
        .replace("{a}", a.first())
        .replace("{b}", b.first())
        .replace("{me}", introducer.first())
        .replace("{topic}", Rng.pick(r, TOPICS));
  }

  static Pattern cuePattern(List<String> cues) {
    StringBuilder b = new StringBuilder("(?iu)\\b(?:");
    for (int i = 0; i < cues.size(); i++) {
      if (i > 0) {
        b.append('|');
      }
      b.append(Pattern.quote(cues.get(i).toLowerCase(Locale.ROOT)));
    }
    return Pattern.compile(b.append(")\\b").toString());
  }
}
