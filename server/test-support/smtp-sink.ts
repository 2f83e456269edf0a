// A real SMTP server in the test process (smtp-server): it receives what nodemailer sends, parses
// each message (mailparser), and can refuse chosen recipients with a 550 like a real server.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export class SmtpSink {
  readonly mails: ParsedMail[] = [];
  /** Every recipient the senders tried, refused ones included. */
  readonly rcpt: string[] = [];
  readonly server: SMTPServer;

  constructor(readonly refused: ReadonlySet<string> = new Set()) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.rcpt.push(address.address);
        if (!this.refused.has(address.address)) return callback();
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.mails.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text === address));
  }
}
