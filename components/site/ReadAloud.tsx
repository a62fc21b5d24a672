"use client";

import { useEffect, useRef, useState } from "react";
import { useBrowserValue } from "@/components/hooks/useHydrated";
import { speechChunks } from "./speech-chunks";

type State = "idle" | "speaking" | "paused";

function chineseVoice(): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace("_", "-").toLowerCase();
  return voices.find((v) => lang(v) === "zh-cn") ?? voices.find((v) => lang(v).startsWith("zh"));
}

/**
 * 朗读全文 with the browser's own speech synthesis. Nearly every browser has
 * it, so the button is in the server's HTML and nothing moves after first
 * paint; the rare browser without it (the server cannot know) drops the button
 * once hydration has found it missing. The text is read from the rendered article, in
 * short chunks one after another (see speech-chunks.ts).
 */
export function ReadAloud({ title, bodyId }: { title: string; bodyId: string }) {
  const supported = useBrowserValue(() => "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function", true);
  const [state, setState] = useState<State>("idle");
  // Each start/stop opens a new run; events of an older run are ignored
  // (cancel() fires error/end events on the utterance it interrupts).
  const run = useRef(0);

  useEffect(() => {
    const runs = run;
    return () => {
      runs.current++;
      if ("speechSynthesis" in window) window.speechSynthesis.cancel();
    };
  }, []);

  if (!supported) return null;

  function speak(chunks: string[], index: number, myRun: number) {
    if (run.current !== myRun) return;
    if (index >= chunks.length) {
      setState("idle");
      return;
    }
    const u = new SpeechSynthesisUtterance(chunks[index]);
    u.lang = "zh-CN";
    const voice = chineseVoice();
    if (voice) u.voice = voice;
    u.onend = () => speak(chunks, index + 1, myRun);
    u.onerror = () => {
      if (run.current === myRun) setState("idle");
    };
    window.speechSynthesis.speak(u);
  }

  function start() {
    const body = document.getElementById(bodyId);
    const chunks = speechChunks(`${title}。\n${body?.innerText ?? ""}`);
    const synth = window.speechSynthesis;
    // Chrome drops an utterance spoken right after an idle cancel(), and stays
    // paused after pause() + cancel(): clear only what is there.
    if (synth.speaking || synth.pending) synth.cancel();
    if (synth.paused) synth.resume();
    const myRun = ++run.current;
    setState("speaking");
    speak(chunks, 0, myRun);
  }

  function stop() {
    run.current++;
    window.speechSynthesis.cancel();
    window.speechSynthesis.resume();
    setState("idle");
  }

  // One main button that keeps focus while its job changes: start, pause, continue.
  function main() {
    if (state === "idle") start();
    else if (state === "speaking") {
      window.speechSynthesis.pause();
      setState("paused");
    } else {
      window.speechSynthesis.resume();
      setState("speaking");
    }
  }

  return (
    <span className="read-aloud" role="group" aria-label="朗读">
      <button type="button" className="tool-button" onClick={main}>
        {state === "idle" ? "朗读全文" : state === "speaking" ? "暂停朗读" : "继续朗读"}
      </button>
      {state !== "idle" && (
        <button type="button" className="tool-button" onClick={stop}>
          停止朗读
        </button>
      )}
      <span className="visually-hidden" aria-live="polite">
        {state === "speaking" ? "正在朗读全文" : state === "paused" ? "朗读已暂停" : ""}
      </span>
    </span>
  );
}
