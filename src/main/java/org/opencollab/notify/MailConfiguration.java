package org.opencollab.notify;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the overdue reminders on their schedule ({@link OverdueMails}). */
@Configuration
@EnableScheduling
public class MailConfiguration {}
