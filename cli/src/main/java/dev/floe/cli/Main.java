package dev.floe.cli;

import dev.floe.errors.FloeException;
import dev.floe.errors.InvalidOperationException;
import dev.floe.tpch.TpchOptions;
import dev.floe.tpch.TpchRunner;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

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
      case "tpch" -> {
        return tpch(rest, out, err);
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
        err.println("floe: unknown command '" + command + "'; commands are tpch, demo, run, version, help");
        usage(err);
        return 2;
      }
    }
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        usage: ./floe <command>
          tpch [--scale 0.1] ...   generate TPC-H data (cached), run the queries cold and warm, print
                                   their answers and timings (./floe tpch --help for the options)
          demo                     build a small frame of several types with nulls and print it,
                                   a slice, a selection and a summary
          run Script.java [args]   run a single-file Java program with Floe on the class path
          version                  print the Floe and Java versions
          help                     print this text""");
  }

  /** {@code ./floe tpch}: 0 when every checked answer matches, 1 on a difference or failure, 2 on bad arguments. */
  private static int tpch(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(TpchOptions.USAGE);
      return 0;
    }
    TpchOptions options;
    try {
      options = TpchOptions.parse(args);
    } catch (InvalidOperationException bad) {
      err.println("floe tpch: " + bad.getMessage());
      err.println(TpchOptions.USAGE);
      return 2;
    }
    try {
      List<TpchRunner.Result> results = TpchRunner.run(options, out);
      return results.stream().allMatch(TpchRunner.Result::passed) ? 0 : 1;
    } catch (InvalidOperationException bad) {
      err.println("floe tpch: " + bad.getMessage());
      return 2;
    } catch (FloeException failure) {
      err.println("floe tpch: " + failure.getMessage());
      return 1;
    }
  }

  private static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
