/**
 * Optional adapter between Floe frames and Arrow Java ({@code org.apache.arrow:arrow-c-data}):
 * {@link dev.floe.arrowjava.ArrowJava} turns a {@code DataFrame} into a {@code VectorSchemaRoot}
 * or an {@code ArrowReader} and back, zero-copy through the Arrow C Data and C Stream Interfaces.
 * Arrow Java on JDK 25 needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (and {@code
 * --enable-native-access=ALL-UNNAMED} for its JNI release callbacks); the core Floe modules never
 * load it. See {@code docs/interop-arrow-java.md}.
 */
package dev.floe.arrowjava;
