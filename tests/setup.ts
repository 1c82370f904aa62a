// Shared test setup: DOM matchers for component tests (jsdom is opted into per file).
import '@testing-library/jest-dom/vitest';
