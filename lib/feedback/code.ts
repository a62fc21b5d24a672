import { randomInt } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH } from "./code-format";

/** A fresh query code from the cryptographic random source (see code-format.ts for its shape). */
export function generateCode(): string {
  let out = "";
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}
