/** Home's own service: what it remembers to push refreshes (src/core/home-port.ts). */
import type { HomeStore } from '../../core/home-port';

export interface HomeDeps {
  store: HomeStore;
}

declare module '../deps' {
  interface FeatureServices {
    home: HomeDeps;
  }
}
