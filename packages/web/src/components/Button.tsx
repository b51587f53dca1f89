import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";

export type ButtonAppearance = "primary" | "secondary" | "subtle" | "danger";

function buttonClass(appearance: ButtonAppearance, extra?: string): string {
  const map: Record<ButtonAppearance, string> = {
    primary: "utrecht-button--primary-action",
    secondary: "utrecht-button--secondary-action",
    subtle: "utrecht-button--subtle",
    danger: "utrecht-button--secondary-action utrecht-button--danger",
  };
  return ["utrecht-button", map[appearance], extra].filter(Boolean).join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  busy?: boolean;
}

/** utrecht-button; `type` defaults to "button" so only explicit submit buttons submit forms. */
export function Button({ appearance = "secondary", busy = false, className, type = "button", children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      aria-busy={busy || undefined}
      className={buttonClass(appearance, [busy ? "utrecht-button--busy" : "", className ?? ""].join(" ").trim())}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends LinkProps {
  appearance?: "primary" | "secondary" | "subtle";
  children: ReactNode;
}

/** A router link that looks like a button (utrecht-button-link). */
export function ButtonLink({ appearance = "secondary", className, children, ...rest }: ButtonLinkProps) {
  const cls = ["utrecht-button-link", "utrecht-button-link--html-a", `utrecht-button-link--${appearance === "subtle" ? "subtle" : `${appearance}-action`}`, className]
    .filter(Boolean)
    .join(" ");
  return (
    <Link {...rest} className={cls}>
      {children}
    </Link>
  );
}

/** A plain text link (utrecht-link) through the router. */
export function TextLink({ className, children, ...rest }: LinkProps & { children: ReactNode }) {
  return (
    <Link {...rest} className={["utrecht-link", "utrecht-link--html-a", className].filter(Boolean).join(" ")}>
      {children}
    </Link>
  );
}

export function ButtonGroup({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={["utrecht-button-group", "pw-button-group", className].filter(Boolean).join(" ")}>{children}</div>;
}
