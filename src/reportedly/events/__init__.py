"""Events: detecting them in sentences and coding them as PLOVER types with actor codes."""
