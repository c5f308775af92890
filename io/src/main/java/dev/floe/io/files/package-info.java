/** Multi-file reads: glob expansion, hive partition directories and the options that govern them. */
package dev.floe.io.files;
