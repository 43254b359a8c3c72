/**
 * The workflow domain: requests (cases) a branch carries to completion, such as a passport
 * application, an insurance claim or a question to a specialist. A request has a type (its form,
 * its SLA in business hours, the skills it needs), a readable id that is never reused, a state
 * that changes only along {@link org.talon.workflow.api.RequestState}'s transitions, an assignee,
 * and a history of every change. {@link org.talon.workflow.api.WorkflowService} is the one way to
 * read and change requests.
 */
@Export
@Version("1.0.0")
package org.talon.workflow.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
