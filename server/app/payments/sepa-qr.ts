// The SEPA credit transfer QR code (EPC069-12) drawn with the qrcode library: SVG for the debtor's
// page, PNG for the receipt PDF. Error correction M, as the EPC guideline asks.
import { epcPayload } from "../../domain/payments/epc-qr.js";
import type { PaymentInstructions } from "../../domain/payments/instructions.js";

export async function sepaQrSvg(instructions: PaymentInstructions): Promise<string | null> {
  const payload = epcPayload(instructions);
  if (!payload) return null;
  // qrcode is loaded on the first code drawn, not at boot (decision 0106).
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export async function sepaQrPng(instructions: PaymentInstructions): Promise<Buffer | null> {
  const payload = epcPayload(instructions);
  if (!payload) return null;
  const { default: QRCode } = await import("qrcode");
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 240 });
}
