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
    },
  },
  globalIgnores([".next/**", ".next-*/**", "lib/generated/**", "data/**", "screenshots/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
