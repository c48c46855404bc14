import type { SVGProps } from 'react';

/** A few line icons drawn inline, so the mobile app needs no icon library. */
export type IconProps = SVGProps<SVGSVGElement> & { size?: number };

/** A line icon's frame (24×24, stroked in the text colour): a tile's icon is its paths inside. */
export function Svg({ size = 24, children, ...rest }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...rest}
    >
      {children}
    </svg>
  );
}

/** Home tab. */
export function HomeIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M3 10.5 12 3l9 7.5" />
      <path d="M5 9.5V21h14V9.5" />
      <path d="M10 21v-6h4v6" />
    </Svg>
  );
}

/** "Me" tab. */
export function UserIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6" />
    </Svg>
  );
}

/** Notifications in the top bar. */
export function BellIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 9a6 6 0 0 1 12 0c0 5 2 7 2 7H4s2-2 2-7" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </Svg>
  );
}

/** Language switch. */
export function GlobeIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9Z" />
    </Svg>
  );
}

/** Row that leads somewhere. */
export function ChevronRightIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="m9 6 6 6-6 6" />
    </Svg>
  );
}

/** Empty state: a tray waiting for services. */
export function EmptyTrayIcon(props: IconProps) {
  return (
    <Svg strokeWidth={1.2} {...props}>
      <path d="M3 13l2.5-7h13L21 13" />
      <path d="M3 13v6h18v-6h-5.5a3.5 3.5 0 0 1-7 0Z" />
    </Svg>
  );
}

/** A padlock: what is said here stays private. */
export function LockIcon({ size = 18, ...props }: IconProps) {
  return (
    <Svg size={size} {...props}>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </Svg>
  );
}
