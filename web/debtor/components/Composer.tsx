// The message box: Enter sends (Shift+Enter for a new line), a counter up to the 2000-character
// limit, and the suggested replies of the assistant's last message as chips.
import { forwardRef, useId, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "../../../contract/enums.js";
import { useLocale } from "../locale.js";

interface Props {
  readonly onSend: (text: string) => boolean;
  readonly quickReplies: readonly string[];
  readonly disabled: boolean;
}

export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer(
  { onSend, quickReplies, disabled },
  ref,
) {
  const { t } = useLocale();
  const [text, setText] = useState("");
  const id = useId();
  const count = text.length;
  const near = count > MAX_MESSAGE_LENGTH * 0.9;

  const submit = () => {
    if (disabled || !text.trim()) return;
    if (onSend(text)) setText("");
  };

  return (
    <div className="composer">
      {quickReplies.length > 0 ? (
        <ul className="chips" aria-label={t.quickReplies}>
          {quickReplies.map((reply) => (
            <li key={reply}>
              <button type="button" className="chip" disabled={disabled} onClick={() => onSend(reply)}>
                {reply}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="composer__form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-input`} className="sr-only">
          {t.inputLabel}
        </label>
        <textarea
          id={`${id}-input`}
          ref={ref}
          className="composer__input"
          rows={1}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={t.placeholder}
          value={text}
          disabled={disabled}
          aria-describedby={`${id}-counter`}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" className="btn btn--primary composer__send" disabled={disabled || !text.trim()}>
          {t.send}
        </button>
        <p
          id={`${id}-counter`}
          className={near ? "composer__counter composer__counter--near" : "composer__counter"}
          aria-live={near ? "polite" : "off"}
        >
          <span aria-hidden="true">{t.counter(count, MAX_MESSAGE_LENGTH)}</span>
          <span className="sr-only">{t.counterLabel(count, MAX_MESSAGE_LENGTH)}</span>
        </p>
      </form>
    </div>
  );
});
