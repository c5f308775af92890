package dev.floe.cli;

import dev.floe.testkit.LeakChecked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.engine.expr.ExpressionEvaluator;
import dev.floe.kernels.Sort;
import dev.floe.planner.expr.Expr;
import dev.floe.memory.BufferAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of docs/ARCHITECTURE.md pointing one way, by reading the constant pool
 * of every compiled Floe class (java.lang.classfile): memory sees only itself, kernels never see a
 * plan, the planner never sees the engine, ffi sees only memory, and only {@code
 * dev.floe.kernels.simd} uses the Vector API.
 */
@LeakChecked
class ArchitectureTest {

  /** Package prefix of a layer -> prefixes it may reference (besides the JDK). */
  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "dev/floe/errors/", List.of("dev/floe/errors/"),
          "dev/floe/memory/", List.of("dev/floe/errors/", "dev/floe/memory/"),
          "dev/floe/kernels/", List.of("dev/floe/errors/", "dev/floe/memory/", "dev/floe/kernels/"),
          "dev/floe/planner/", List.of("dev/floe/errors/", "dev/floe/memory/", "dev/floe/planner/"),
          "dev/floe/io/",
              List.of("dev/floe/errors/", "dev/floe/memory/", "dev/floe/kernels/", "dev/floe/io/"),
          "dev/floe/ffi/", List.of("dev/floe/errors/", "dev/floe/memory/", "dev/floe/ffi/"),
          "dev/floe/engine/",
              List.of(
                  "dev/floe/errors/",
                  "dev/floe/memory/",
                  "dev/floe/kernels/",
                  "dev/floe/planner/",
                  "dev/floe/io/",
                  "dev/floe/engine/"));

  @Test
  void dependenciesPointOneWay() {
    List<String> violations = new ArrayList<>();
    for (ClassModel model : floeClasses()) {
      String owner = model.thisClass().asInternalName();
      for (String referenced : referencedClasses(model)) {
        if (!referenced.startsWith("dev/floe/")) {
          continue;
        }
        ALLOWED.forEach(
            (layer, allowed) -> {
              if (owner.startsWith(layer) && allowed.stream().noneMatch(referenced::startsWith)) {
                violations.add(owner + " -> " + referenced);
              }
            });
        if (!owner.startsWith("dev/floe/cli/") && referenced.startsWith("dev/floe/cli/")) {
          violations.add(owner + " -> " + referenced);
        }
      }
    }
    assertThat(violations).as("references against the module arrows").isEmpty();
  }

  @Test
  void onlyTheSimdPackageUsesTheVectorApi() {
    List<String> violations = new ArrayList<>();
    for (ClassModel model : floeClasses()) {
      String owner = model.thisClass().asInternalName();
      if (owner.startsWith("dev/floe/kernels/simd/")) {
        continue;
      }
      for (String referenced : referencedClasses(model)) {
        if (referenced.startsWith("jdk/incubator/vector/")) {
          violations.add(owner + " -> " + referenced);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void scansEveryModuleOnTheClassPath() {
    List<String> names = floeClasses().stream().map(m -> m.thisClass().asInternalName()).toList();
    assertThat(names)
        .contains(
            "dev/floe/memory/BufferAllocator",
            "dev/floe/kernels/Sort",
            "dev/floe/planner/expr/Expr",
            "dev/floe/engine/expr/ExpressionEvaluator",
            "dev/floe/io/ipc/IpcWriter",
            "dev/floe/ffi/cdata/CDataExporter",
            "dev/floe/ffi/python/PythonBridge",
            "dev/floe/DataFrame",
            "dev/floe/cli/Main");
  }

  private static TreeSet<String> referencedClasses(ClassModel model) {
    TreeSet<String> names = new TreeSet<>();
    for (PoolEntry entry : model.constantPool()) {
      if (entry instanceof ClassEntry classEntry) {
        names.add(classEntry.asInternalName());
      }
    }
    // Descriptors of fields and methods name classes too (e.g. parameter types).
    for (PoolEntry entry : model.constantPool()) {
      if (entry instanceof java.lang.classfile.constantpool.Utf8Entry utf8) {
        String text = utf8.stringValue();
        int start = text.indexOf('L');
        while (start >= 0) {
          int end = text.indexOf(';', start);
          if (end < 0) {
            break;
          }
          String candidate = text.substring(start + 1, end);
          if (candidate.startsWith("dev/floe/") || candidate.startsWith("jdk/incubator/")) {
            names.add(candidate);
          }
          start = text.indexOf('L', end);
        }
      }
    }
    return names;
  }

  private static List<ClassModel> floeClasses() {
    List<ClassModel> models = new ArrayList<>();
    // One marker class per module jar (or classes directory) to scan.
    List<Class<?>> markers =
        List.of(
            BufferAllocator.class,
            Sort.class,
            Expr.class,
            ExpressionEvaluator.class,
            dev.floe.io.ipc.IpcWriter.class,
            dev.floe.ffi.cdata.CDataExporter.class,
            DataFrame.class,
            Main.class);
    for (Class<?> marker : markers) {
      try {
        Path location = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
          addClasses(location, models);
        } else {
          try (FileSystem jar = FileSystems.newFileSystem(location)) {
            addClasses(jar.getPath("/"), models);
          }
        }
      } catch (URISyntaxException | IOException failure) {
        throw new IllegalStateException("cannot read the classes of " + marker, failure);
      }
    }
    return models;
  }

  private static void addClasses(Path root, List<ClassModel> models) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        if (file.getFileName().toString().equals("module-info.class")) {
          continue;
        }
        try {
          models.add(ClassFile.of().parse(Files.readAllBytes(file)));
        } catch (IOException failure) {
          throw new UncheckedIOException(failure);
        }
      }
    }
  }
}
