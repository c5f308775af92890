package dev.floe.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code floe} command. {@code ./floe run Script.java} is handled by the launcher script (it
 * starts the JDK's source launcher with Floe on the class path); every other command lands here.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns the process exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "demo" -> {
        if (rest.length > 0) {
          err.println("floe demo takes no arguments, got " + String.join(" ", rest));
          return 2;
        }
        Demo.run(out);
        return 0;
      }
      case "version", "--version" -> {
        out.println("floe " + version() + " on Java " + Runtime.version());
        return 0;
      }
      case "help", "--help", "-h" -> {
        usage(out);
        return 0;
      }
      default -> {
        err.println("floe: unknown command '" + command + "'; commands are demo, run, version, help");
        usage(err);
        return 2;
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        usage: ./floe <command>
          demo                     build a small frame of several types with nulls and print it,
                                   a slice, a selection and a summary
          run Script.java [args]   run a single-file Java program with Floe on the class path
          version                  print the Floe and Java versions
          help                     print this text""");
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
