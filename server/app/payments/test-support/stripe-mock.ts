// msw 3 stand-in for the Stripe API's Checkout Sessions endpoint: records each request (form body,
// headers) and answers a session like Stripe's. Loopback traffic passes (the service under test);
// any other unhandled request fails the test.
import { HttpResponse, http } from "msw";
import { HttpNetworkFrame } from "msw/experimental";
import { setupServer } from "msw/node";

export interface CheckoutRequest {
  readonly form: URLSearchParams;
  readonly idempotencyKey: string | null;
  readonly authorization: string | null;
}

export function mockStripe() {
  const requests: CheckoutRequest[] = [];
  let n = 0;
  const server = setupServer(
    http.post("https://api.stripe.com/v1/checkout/sessions", async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      requests.push({
        form,
        idempotencyKey: request.headers.get("idempotency-key"),
        authorization: request.headers.get("authorization"),
      });
      n++;
      const id = `cs_test_${n}`;
      return HttpResponse.json({
        id,
        object: "checkout.session",
        mode: "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: Number(form.get("line_items[0][price_data][unit_amount]")),
        currency: form.get("line_items[0][price_data][currency]"),
        client_reference_id: form.get("client_reference_id"),
        url: `https://checkout.stripe.com/c/pay/${id}`,
        metadata: Object.fromEntries(
          [...form.entries()].filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]),
        ),
      });
    }),
  );
  const listen = () =>
    server.listen({
      onUnhandledFrame({ frame, defaults }) {
        const url = frame instanceof HttpNetworkFrame ? new URL(frame.data.request.url) : undefined;
        if (!url || ["127.0.0.1", "localhost", "[::1]", "::1"].includes(url.hostname)) return;
        defaults.error();
        throw HttpResponse.error();
      },
    });
  return { server, requests, listen };
}
