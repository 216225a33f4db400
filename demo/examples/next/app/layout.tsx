import type { ReactNode } from 'react';
import '../../shared/examples.css';

export const metadata = { title: '<task-progress> in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
