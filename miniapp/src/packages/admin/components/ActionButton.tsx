import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { onlyIf } from '../../../components/Buttons';

/** A button that starts a change: spinning and not pressable while it runs. */
export function ActionButton({ className, busy, onClick, children }: { className: string; busy: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button className={`btn ${className}`} hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={onClick}>
      {children}
    </Button>
  );
}

/** The form's own problems, then the server's reason when it refused. */
export function withServerProblem(problems: ReadonlyArray<{ field: string; message: string }>, server: string | null) {
  return server === null ? problems : [...problems, { field: 'server', message: server }];
}
