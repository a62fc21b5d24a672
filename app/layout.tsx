import type { Metadata, Viewport } from "next";
import "./globals.css";
import { RESTORE_PREFERENCES_SCRIPT } from "@/lib/site/inline-scripts";

export const metadata: Metadata = {
  title: { default: "政务门户网站", template: "%s" },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Applies the visitor's remembered article font size and 关怀模式 before
// first paint, so the text never jumps and React never sees a mismatch (the
// attributes live on <html>, which is marked suppressHydrationWarning). Keys
// match FontSizeSwitch and CareModeToggle. 关怀模式 is for the public site:
// the CMS and its sign-in page have no toggle to leave it, so they never get it.
const restorePreferences = RESTORE_PREFERENCES_SCRIPT;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: restorePreferences }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
