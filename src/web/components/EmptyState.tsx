import { Link } from 'react-router';

/** An empty space says what it is for and offers one first step (DESIGN.md, Patterns). */
export function EmptyState(props: { title?: string; text: string; to: string; action: string }) {
  return (
    <div className="empty">
      {props.title ? <h2>{props.title}</h2> : null}
      <p>{props.text}</p>
      <p className="actions">
        <Link className="button primary" to={props.to}>
          {props.action}
        </Link>
      </p>
    </div>
  );
}
