// The recent-folders list lives in core (the browser host keeps one too, for its "Open…" form).
export * from '../core/storage/recent-folders';
