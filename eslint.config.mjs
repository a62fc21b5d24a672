// ESLint 9 flat config: Next's rules (core web vitals, React hooks, jsx-a11y) and
// typescript-eslint's recommended set. `npm run lint` fails on warnings too.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Reasons, comments, notes, times and links are asked for in accessible dialogs
      // (components/admin/TextDialog.tsx), never with the browser's prompt box.
      "no-restricted-globals": ["error", { name: "prompt", message: "Use components/admin/TextDialog.tsx instead of the browser's prompt box." }],
      "no-restricted-properties": [
        "error",
        ...["window", "globalThis", "self"].map((object) => ({ object, property: "prompt", message: "Use components/admin/TextDialog.tsx instead of the browser's prompt box." })),
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "lib/generated/**", "data/**", "screenshots/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
