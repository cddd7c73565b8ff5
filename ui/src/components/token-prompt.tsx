import { useEffect, useRef, useState } from "preact/hooks";

export interface TokenPromptProps {
  /** True when the last request carried a token and the server refused it. */
  rejected: boolean;
  onSubmit: (token: string) => void;
}

/**
 * Asks for the API token after a 401. The token is kept in session storage by the caller (never in the URL); the
 * input is a password field and is cleared once submitted.
 */
export function TokenPrompt({ rejected, onSubmit }: TokenPromptProps) {
  const [token, setToken] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), [rejected]);
  return (
    <section class="token-prompt card" role="dialog" aria-modal="false" aria-labelledby="token-title" aria-describedby="token-help">
      <h2 id="token-title">API token required</h2>
      <p id="token-help">
        {rejected
          ? "The server refused that token (401 Unauthorized). Check OPENCLAW_API_TOKEN on the server and try again."
          : "This server needs an API token (401 Unauthorized). Enter the value of OPENCLAW_API_TOKEN. It is kept only for this browser tab."}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim() === "") return;
          onSubmit(token.trim());
          setToken("");
        }}
      >
        <label for="api-token">API token</label>
        <div class="inline">
          <input
            id="api-token"
            ref={inputRef}
            type="password"
            autoComplete="current-password"
            value={token}
            aria-invalid={rejected || undefined}
            aria-describedby="token-help"
            onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="primary">
            Use token
          </button>
        </div>
      </form>
    </section>
  );
}
