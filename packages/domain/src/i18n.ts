import { z } from "zod";

/** Text in the product's two languages; Dutch is leading, English is the second language. */
export const LocalizedText = z.object({
  nl: z.string().trim().min(1, "Nederlandse tekst ontbreekt / Dutch text is missing"),
  en: z.string().trim().min(1, "Engelse tekst ontbreekt / English text is missing"),
});
export type LocalizedText = z.infer<typeof LocalizedText>;
export type Language = keyof LocalizedText;
