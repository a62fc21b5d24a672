"use client";

import { SiteLink } from "@/components/site/SiteLink";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

export interface CarouselSlide {
  id: number;
  /** The slide's picture, rendered on the server (CoverImage): the optimizer's URLs stay out of this bundle. */
  picture: React.ReactNode;
  href: string;
  title: string;
  publishedAt: string;
  dateLabel: string;
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";
function subscribeReducedMotion(onChange: () => void) {
  const mq = window.matchMedia(REDUCED_MOTION);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

/**
 * 图片新闻 (推荐): the WAI-ARIA carousel pattern. Every slide is in the
 * server-rendered HTML (hidden but the current one); the rotation control
 * comes first, then previous/next; ←/→ move while focus is inside. It
 * advances by itself only when the visitor has not asked for reduced motion
 * or pressed 暂停, and never while the pointer or focus is on it; then the
 * slides region is a polite live region that announces "第 x 张，共 n 张".
 */
export function FeaturedCarousel({ slides, intervalMs = 6000 }: { slides: CarouselSlide[]; intervalMs?: number }) {
  const [index, setIndex] = useState(0);
  /** The visitor's own choice; null = the default (rotate unless reduced motion). */
  const [rotateChoice, setRotateChoice] = useState<boolean | null>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const reducedMotion = useSyncExternalStore(subscribeReducedMotion, () => window.matchMedia(REDUCED_MOTION).matches, () => false);
  const rotationOn = (rotateChoice ?? !reducedMotion) && slides.length > 1;
  const rotating = rotationOn && !hovered && !focused;
  const n = slides.length;
  const root = useRef<HTMLElement>(null);

  const go = (delta: number) => setIndex((i) => (i + delta + n) % n);

  useEffect(() => {
    if (!rotating) return;
    const timer = window.setTimeout(() => setIndex((i) => (i + 1) % n), intervalMs);
    return () => window.clearTimeout(timer);
  }, [rotating, index, intervalMs, n]);

  // Arrow keys anywhere inside the carousel (its buttons and the slide link).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "ArrowRight") setIndex((i) => (i + 1) % n);
      else if (e.key === "ArrowLeft") setIndex((i) => (i - 1 + n) % n);
      else return;
      e.preventDefault();
    };
    el.addEventListener("keydown", onKey);
    return () => el.removeEventListener("keydown", onKey);
  }, [n]);

  if (n === 0) return null;
  return (
    <section
      ref={root}
      className="carousel"
      aria-roledescription="轮播"
      aria-labelledby="featured-title"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="panel-head">
        <h2 id="featured-title">图片新闻</h2>
          {n > 1 && (
            <div className="carousel-controls">
              <button type="button" className="carousel-btn" aria-controls="featured-slides" onClick={() => setRotateChoice(!rotationOn)}>
                <span aria-hidden="true">{rotationOn ? "❚❚" : "▶"}</span> {rotationOn ? "暂停" : "播放"}
                <span className="visually-hidden">图片新闻自动轮播</span>
              </button>
              <span className="carousel-nav">
                <button type="button" className="carousel-btn" aria-controls="featured-slides" aria-label="上一张" onClick={() => go(-1)}>
                  <span aria-hidden="true">‹</span>
                </button>
                <span className="carousel-count" aria-hidden="true">
                  {index + 1} / {n}
                </span>
                <button type="button" className="carousel-btn" aria-controls="featured-slides" aria-label="下一张" onClick={() => go(1)}>
                  <span aria-hidden="true">›</span>
                </button>
              </span>
            </div>
          )}
      </div>
      <div id="featured-slides" className="carousel-slides" aria-live={rotating ? "off" : "polite"}>
        {slides.map((s, i) => (
          <div key={s.id} className="carousel-slide" role="group" aria-roledescription="幻灯片" aria-label={`第 ${i + 1} 张，共 ${n} 张`} hidden={i !== index}>
            <SiteLink href={s.href} className="carousel-link">
              {s.picture}
              <span className="carousel-caption">
                <span className="carousel-title">{s.title}</span>
                <time dateTime={s.publishedAt}>{s.dateLabel}</time>
              </span>
            </SiteLink>
          </div>
        ))}
      </div>
    </section>
  );
}
