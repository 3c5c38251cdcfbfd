/** The confirmation request sent after someone types their address into the subscribe box. */
import { esc } from "./text-format.js";
import { mailFrame, type RenderedMail } from "./frame.js";

export function renderConfirm(input: { confirmUrl: string; cadence: string; siteUrl: string }): RenderedMail {
  const htmlBody = `<p style="font-size:15px;line-height:1.5">Please confirm that you want a ${esc(input.cadence)} digest of new papers from <a href="${esc(input.siteUrl)}" style="color:#1a56b8">paperfeed</a> at this address.</p>
<p style="margin:24px 0"><a href="${esc(input.confirmUrl)}" style="background:#1a56b8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">Confirm my subscription</a></p>
<p class="pf-meta" style="font-size:13px;color:#666666">The link works for 7 days. If you did not ask for this, ignore this message: nothing will be sent unless you confirm.</p>`;
  const textBody = `Please confirm that you want a ${input.cadence} digest of new papers from paperfeed (${input.siteUrl}) at this address:\n\n${input.confirmUrl}\n\nThe link works for 7 days. If you did not ask for this, ignore this message: nothing will be sent unless you confirm.`;
  return mailFrame({
    subject: "Confirm your paperfeed subscription",
    heading: "Confirm your subscription",
    htmlBody,
    textBody,
    why: "Someone (hopefully you) entered this address on paperfeed.",
  });
}
