import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政务门户网站", template: "%s" },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Applies the visitor's remembered article font size before first paint, so
// the text never jumps and React never sees a mismatch (the attribute lives
// on <html>, which is marked suppressHydrationWarning).
const restorePreferences = `try{var f=localStorage.getItem("article-font");if(f==="l"||f==="m"||f==="s")document.documentElement.dataset.articleFont=f}catch(e){}`;

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
