/**
 * effect-crisp/testing
 *
 * @since 0.1.0
 */
export {}
