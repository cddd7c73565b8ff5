import { describe, expect, it } from "vitest";
import { parseInlineDirectives } from "./inline-directives.js";

describe("parseInlineDirectives", () => {
  it("strips the audio and reply tags and reports them", () => {
    expect(parseInlineDirectives("[[reply_to_current]] On it. [[audio_as_voice]]", { currentMessageId: "m42" })).toEqual({
      text: "On it.",
      audioAsVoice: true,
      replyToId: "m42",
      replyToCurrent: true,
      hasAudioTag: true,
      hasReplyTag: true,
    });
  });
  it("prefers the last explicit reply id and sanitizes it", () => {
    const r = parseInlineDirectives("[[reply_to: a1]] x [[ reply_to : b2 ]]", { currentMessageId: "m" });
    expect(r.replyToId).toBe("b2");
    expect(r.replyToExplicitId).toBe("b2");
    expect(r.replyToCurrent).toBe(false);
    expect(r.text).toBe("x");
  });
  it("keeps the tags in the text when asked to, and still reports them", () => {
    const r = parseInlineDirectives("hi [[audio_as_voice]] [[reply_to_current]]", { stripAudioTag: true, stripReplyTags: false });
    expect(r.text).toBe("hi [[reply_to_current]]");
    expect(r.hasReplyTag).toBe(true);
    expect(r.replyToId).toBeUndefined();
  });
  it("ignores directives inside code spans and fenced blocks", () => {
    const text = "use `[[audio_as_voice]]` like so\n```\n[[reply_to_current]]\n```";
    const r = parseInlineDirectives(text);
    expect(r).toMatchObject({ text, hasAudioTag: false, hasReplyTag: false, audioAsVoice: false });
  });
  it("keeps words apart where a tag joined them and handles text without directives", () => {
    expect(parseInlineDirectives("a[[audio_as_voice]]b").text).toBe("a b");
    expect(parseInlineDirectives("  plain  ")).toEqual({ text: "plain", audioAsVoice: false, replyToCurrent: false, hasAudioTag: false, hasReplyTag: false });
    expect(parseInlineDirectives(undefined).text).toBe("");
    expect(parseInlineDirectives("line  \n", { preserveTrailingWhitespace: true }).text).toBe("line  \n");
  });
});
