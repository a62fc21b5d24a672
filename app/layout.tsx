import type { Metadata, Viewport } from "next";
import { restorePreferences } from "@/lib/site/preferences-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "政务门户网站", template: "%s" },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };


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
